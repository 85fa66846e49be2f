using System.Net.Http.Json;
using System.Security.Cryptography;
using Ceiba.Testing.Fabric;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>
/// The seed network (orderer, La Habana's peer, C# EHR chaincode, in-process) and the EHR service on it, with a
/// configured default admin password. Shared by every test class of the assembly.
/// </summary>
public sealed class SeedApiFixture : IAsyncLifetime
{
    /// <summary>The only hospital of the seed topology.</summary>
    public const string Hospital = "hab-ameijeiras";

    /// <summary>La Habana's province code.</summary>
    public const string Province = "03";

    /// <summary>The default admin's e-mail (the contract's default).</summary>
    public const string AdminEmail = "admin@ceiba.local";

    private EmbeddedEhrNetwork? _network;
    private ApiHost? _api;

    /// <summary>The default admin's password, random per run.</summary>
    public string AdminPassword { get; } = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    public EmbeddedEhrNetwork Network => _network ?? throw new InvalidOperationException("The fixture has not started.");

    public ApiHost Api => _api ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _network = await EmbeddedEhrNetwork.StartAsync("seed", cancellationToken);
        _api = await StartApiAsync(new Dictionary<string, string?> { ["Ceiba:Api:DefaultAdmin:Password"] = AdminPassword }, cancellationToken);
        await _api.WaitHealthyAsync(cancellationToken);
    }

    /// <summary>Another instance of the service on the same network, with <paramref name="settings"/> added.</summary>
    public Task<ApiHost> StartApiAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken) =>
        ApiHost.StartAsync(new Dictionary<string, string?>(settings) { ["Ceiba:Network:Directory"] = Network.Network.Root }, cancellationToken);

    /// <summary>A client signed in as the default admin with a bearer token.</summary>
    public Task<HttpClient> AdminAsync(CancellationToken cancellationToken) => Api.LoginAsync(AdminEmail, AdminPassword, cancellationToken);

    /// <summary>Creates a doctor of the seed hospital through the API and returns a client signed in as that doctor.</summary>
    public async Task<HttpClient> DoctorAsync(string doctorId, CancellationToken cancellationToken)
    {
        var email = $"{doctorId}@ameijeiras.cu";
        var password = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        using var admin = await AdminAsync(cancellationToken);
        using var created = await admin.PostAsJsonAsync("api/doctors", Records.Doctor(doctorId, email, password), cancellationToken);
        created.EnsureSuccessStatusCode();
        return await Api.LoginAsync(email, password, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }
}
