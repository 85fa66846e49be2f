using System.CommandLine;
using Ceiba.Network.Topology;
using Ceiba.Network.Topology.Generation;

namespace Ceiba.Network.Node.Commands;

/// <summary><c>network generate --topology &lt;name|file&gt; --out &lt;dir&gt; [--force]</c>: the equivalent of cryptogen plus configtxgen.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var topology = new Option<string>("--topology")
        {
            Description = "A shipped topology (seed, cuba-3, cuba-national) or the path of a topology JSON file.",
            Required = true,
        };
        var output = new Option<string>("--out")
        {
            Description = "The directory to write crypto material, genesis blocks, node configs and connection profiles to.",
            Required = true,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Regenerate every key and certificate, discarding what the output directory holds.",
        };

        var command = new Command("generate", "Generate crypto material, channel genesis blocks, node configs and connection profiles from a topology.")
        {
            topology, output, force,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var topologyArgument = parseResult.GetValue(topology)!;
            var outputDirectory = parseResult.GetValue(output)!;
            try
            {
                var result = NetworkGenerator.Generate(
                    topologyArgument,
                    outputDirectory,
                    new GenerationOptions { Force = parseResult.GetValue(force) });
                Console.Out.WriteLine(result.Describe());
                return Task.FromResult(0);
            }
            catch (Exception error) when (error is TopologyException or GenerationException)
            {
                Console.Error.WriteLine(error.Message);
                return Task.FromResult(2);
            }
        });
        return command;
    }
}
