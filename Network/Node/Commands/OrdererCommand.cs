using System.CommandLine;
using Ceiba.Network.Node.Telemetry;
using Ceiba.Network.Orderer;
using Ceiba.Network.Topology.Generation;

namespace Ceiba.Network.Node.Commands;

/// <summary><c>network orderer --config &lt;file&gt;</c>: runs an embedded ordering node until Ctrl+C or SIGTERM.</summary>
internal static class OrdererCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config")
        {
            Description = "The orderer's node config file, nodes/<name>.json as written by 'network generate'.",
            Required = true,
        };
        var command = new Command("orderer", "Run an embedded Fabric-compatible ordering node (AtomicBroadcast, Raft, block store).") { config };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var configPath = parseResult.GetValue(config)!;
                await using var telemetry = await NodeTelemetry.StartAsync(NodeNames.FromConfigPath(configPath), cancellationToken);
                await using var node = await OrdererNode.StartAsync(configPath, new OrdererNodeOptions { ConfigureLogging = telemetry.ConfigureLogging }, cancellationToken);
                await node.WaitForShutdownAsync(cancellationToken);
                return 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
            catch (GenerationException error)
            {
                await Console.Error.WriteLineAsync(error.Message);
                return 2;
            }
        });
        return command;
    }
}
