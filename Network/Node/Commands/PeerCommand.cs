using System.CommandLine;
using Ceiba.Network.Node.Telemetry;
using Ceiba.Network.Peer.Hosting;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Policies;
using Ceiba.Network.Topology.Generation;

namespace Ceiba.Network.Node.Commands;

/// <summary><c>network peer --config &lt;file&gt;</c>: runs an embedded peer until Ctrl+C or SIGTERM.</summary>
internal static class PeerCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config")
        {
            Description = "The peer's node config file, nodes/<name>.json as written by 'network generate'.",
            Required = true,
        };
        var command = new Command("peer", "Run an embedded Fabric-compatible peer (Endorser, Deliver, chaincode over CCaaS, validation and commit).") { config };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var configPath = parseResult.GetValue(config)!;
                await using var telemetry = await NodeTelemetry.StartAsync(NodeNames.FromConfigPath(configPath), cancellationToken);
                await using var node = await PeerNode.StartAsync(configPath, new PeerNodeOptions { ConfigureLogging = telemetry.ConfigureLogging }, cancellationToken);
                await node.WaitForShutdownAsync(cancellationToken);
                return 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception error) when (error is GenerationException or LedgerException or InvalidPolicyException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync(error.Message);
                return 2;
            }
        });
        return command;
    }
}
