using Ceiba.Network.Msp;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ceiba.Gateway.Client.Tests.Support;

/// <summary>Hosts <see cref="FakeGatewayService"/> on Kestrel (loopback, plaintext HTTP/2, random port) and opens a channel to it.</summary>
internal sealed class FakeGatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGatewayServer(WebApplication app, FakeGatewayState state, string address)
    {
        _app = app;
        State = state;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    public FakeGatewayState State { get; }

    public string Address { get; }

    public GrpcChannel Channel { get; }

    public static async Task<FakeGatewayServer> StartAsync(SigningIdentity peer, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        var state = new FakeGatewayState();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(new FakeEndorser(peer));
        var app = builder.Build();
        app.MapGrpcService<FakeGatewayService>();
        app.MapGrpcService<FakeDeliverService>();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeGatewayServer(app, state, address);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
