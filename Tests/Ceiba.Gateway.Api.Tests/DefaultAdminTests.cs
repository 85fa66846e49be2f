using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>The default admin: created once, with a generated password printed once; idempotent on later starts.</summary>
public sealed partial class DefaultAdminTests(SeedApiFixture fixture)
{
    [Fact]
    public async Task A_generated_password_is_logged_once_and_a_second_start_changes_nothing()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        const string email = "generated.admin@ceiba.local";
        var settings = new Dictionary<string, string?> { ["Ceiba:Api:DefaultAdmin:Email"] = email, ["Ceiba:Api:DefaultAdmin:Id"] = "generated-admin" };

        // Act: first start, no password configured.
        string generated;
        await using (var first = await fixture.StartApiAsync(settings, cancellationToken))
        {
            await first.WaitHealthyAsync(cancellationToken);
            var lines = first.Logs.Messages.Where(m => m.Contains("generated password", StringComparison.Ordinal)).ToList();
            Assert.Single(lines);
            generated = GeneratedPassword().Match(lines[0]).Groups["password"].Value;
        }

        // Act: second start, now with a configured password.
        await using var second = await fixture.StartApiAsync(
            new Dictionary<string, string?>(settings) { ["Ceiba:Api:DefaultAdmin:Password"] = "configured-later-password" }, cancellationToken);
        await second.WaitHealthyAsync(cancellationToken);
        using var client = second.Client();
        using var withGenerated = await client.PostAsJsonAsync("api/auth/login", new { email, password = generated }, cancellationToken);
        using var withConfigured = await client.PostAsJsonAsync("api/auth/login", new { email, password = "configured-later-password" }, cancellationToken);

        // Assert
        Assert.Equal(20, generated.Length);
        Assert.Equal(HttpStatusCode.OK, withGenerated.StatusCode);
        await ProblemAssert.IsProblemAsync(withConfigured, HttpStatusCode.Unauthorized, cancellationToken);
        Assert.Contains(second.Logs.Messages, m => m.Contains("already on the ledger", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Logs.Messages, m => m.Contains(generated, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Configured_and_attempted_passwords_never_reach_the_log()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Api.Client();
        const string attempted = "attempted-wrong-password-7431";

        // Act
        using var wrong = await client.PostAsJsonAsync("api/auth/login", new { email = SeedApiFixture.AdminEmail, password = attempted }, cancellationToken);
        using var admin = await fixture.AdminAsync(cancellationToken);
        using var created = await admin.PostAsJsonAsync("api/admins", Records.Admin("logged-admin", "logged@ceiba.local", "created-admin-password-9914"), cancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotEmpty(fixture.Api.Logs.Messages);
        Assert.DoesNotContain(fixture.Api.Logs.Messages, m =>
            m.Contains(attempted, StringComparison.Ordinal)
            || m.Contains(fixture.AdminPassword, StringComparison.Ordinal)
            || m.Contains("created-admin-password-9914", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"shown only this once: (?<password>\S+)")]
    private static partial Regex GeneratedPassword();
}
