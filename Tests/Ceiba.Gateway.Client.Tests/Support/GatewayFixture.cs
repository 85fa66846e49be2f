namespace Ceiba.Gateway.Client.Tests.Support;

/// <summary>Per-test setup: identities, a running fake gateway peer, and a gateway connected to it as the client.</summary>
internal sealed class GatewayFixture : IAsyncDisposable
{
    public const string Channel = "ehr";
    public const string Chaincode = "omop";

    private GatewayFixture(ClientIdentities identities, FakeGatewayServer server, GatewayOptions? options)
    {
        Identities = identities;
        Server = server;
        Gateway = Client.Gateway.Connect(identities.Client, server.Channel, options);
        Contract = Gateway.GetNetwork(Channel).GetContract(Chaincode);
    }

    public ClientIdentities Identities { get; }

    public FakeGatewayServer Server { get; }

    public FakeGatewayState State => Server.State;

    public Gateway Gateway { get; }

    public Contract Contract { get; }

    public static async Task<GatewayFixture> StartAsync(GatewayOptions? options = null)
    {
        var identities = new ClientIdentities();
        var server = await FakeGatewayServer.StartAsync(identities.Peer, TestContext.Current.CancellationToken);
        return new GatewayFixture(identities, server, options);
    }

    /// <summary>A gateway on the same server without a signer: everything must be signed offline.</summary>
    public Gateway ConnectOffline() =>
        Client.Gateway.Connect(Identity.FromSigningIdentity(Identities.Client), signer: null, Server.Channel);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Identities.Dispose();
    }
}
