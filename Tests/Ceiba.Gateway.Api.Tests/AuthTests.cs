using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>Login with bearer tokens and cookies, and the role checks, over real HTTP against the seed network.</summary>
public sealed class AuthTests(SeedApiFixture fixture)
{
    [Fact]
    public async Task Login_answers_a_bearer_token_that_identifies_the_admin()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Api.Client();

        // Act
        using var login = await client.PostAsJsonAsync("api/auth/login", new { email = SeedApiFixture.AdminEmail, password = fixture.AdminPassword }, cancellationToken);
        var token = await login.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["access_token"]!.GetValue<string>());
        var me = await client.GetFromJsonAsync<JsonObject>("api/auth/me", cancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("Bearer", token["token_type"]!.GetValue<string>());
        Assert.True(token["expires_in"]!.GetValue<long>() > 0);
        Assert.Equal(SeedApiFixture.AdminEmail, me!["email"]!.GetValue<string>());
        Assert.Equal("admin", me["role"]!.GetValue<string>());
        Assert.Equal(SeedApiFixture.Hospital, me["hospital"]!.GetValue<string>());
        Assert.Equal(SeedApiFixture.Province, me["province"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Api.Client();

        // Act
        using var wrongPassword = await client.PostAsJsonAsync("api/auth/login", new { email = SeedApiFixture.AdminEmail, password = "not-the-password" }, cancellationToken);
        using var unknownEmail = await client.PostAsJsonAsync("api/auth/login", new { email = "nobody@ceiba.local", password = fixture.AdminPassword }, cancellationToken);

        // Assert
        var first = await ProblemAssert.IsProblemAsync(wrongPassword, HttpStatusCode.Unauthorized, cancellationToken);
        var second = await ProblemAssert.IsProblemAsync(unknownEmail, HttpStatusCode.Unauthorized, cancellationToken);
        Assert.Equal(first["title"]!.GetValue<string>(), second["title"]!.GetValue<string>());
        Assert.Equal(first["detail"]!.GetValue<string>(), second["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cookie_login_signs_the_browser_in_and_logout_signs_it_out()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var browser = fixture.Api.CookieClient();

        // Act
        using var login = await browser.PostAsJsonAsync("api/auth/login?useCookies=true", new { email = SeedApiFixture.AdminEmail, password = fixture.AdminPassword }, cancellationToken);
        using var signedIn = await browser.GetAsync("api/auth/me", cancellationToken);
        using var logout = await browser.PostAsync("api/auth/logout", null, cancellationToken);
        using var signedOut = await browser.GetAsync("api/auth/me", cancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ceiba.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("admin", (await signedIn.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await ProblemAssert.IsProblemAsync(signedOut, HttpStatusCode.Unauthorized, cancellationToken);
    }

    [Fact]
    public async Task Anonymous_requests_get_401_and_a_forged_token_too()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var anonymous = fixture.Api.Client();
        using var forged = fixture.Api.Client();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        // Act
        using var persons = await anonymous.GetAsync("api/persons", cancellationToken);
        using var admins = await anonymous.PostAsJsonAsync("api/admins", Records.Admin("anon-admin", "anon@ceiba.local", "long-enough-password"), cancellationToken);
        using var forgedMe = await forged.GetAsync("api/auth/me", cancellationToken);

        // Assert
        await ProblemAssert.IsProblemAsync(persons, HttpStatusCode.Unauthorized, cancellationToken);
        await ProblemAssert.IsProblemAsync(admins, HttpStatusCode.Unauthorized, cancellationToken);
        await ProblemAssert.IsProblemAsync(forgedMe, HttpStatusCode.Unauthorized, cancellationToken);
    }

    [Fact]
    public async Task A_doctor_cannot_create_an_admin_and_an_admin_cannot_read_patients()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var doctor = await fixture.DoctorAsync("auth-doctor", cancellationToken);
        using var admin = await fixture.AdminAsync(cancellationToken);

        // Act
        using var createAdmin = await doctor.PostAsJsonAsync("api/admins", Records.Admin("by-doctor", "by-doctor@ceiba.local", "long-enough-password"), cancellationToken);
        using var listPersons = await admin.GetAsync("api/persons", cancellationToken);
        using var doctorHistory = await admin.GetAsync("api/history/person/1", cancellationToken);

        // Assert
        await ProblemAssert.IsProblemAsync(createAdmin, HttpStatusCode.Forbidden, cancellationToken);
        await ProblemAssert.IsProblemAsync(listPersons, HttpStatusCode.Forbidden, cancellationToken);
        var history = await ProblemAssert.IsProblemAsync(doctorHistory, HttpStatusCode.Forbidden, cancellationToken);
        Assert.Contains("doctor", history["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_with_a_missing_password_or_broken_json_is_a_400_naming_the_field()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Api.Client();

        // Act
        using var missing = await client.PostAsJsonAsync("api/auth/login", new { email = SeedApiFixture.AdminEmail }, cancellationToken);
        using var broken = await client.PostAsync("api/auth/login", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"), cancellationToken);

        // Assert
        await ProblemAssert.NamesFieldAsync(missing, "password", cancellationToken);
        await ProblemAssert.NamesFieldAsync(broken, "body", cancellationToken);
    }
}
