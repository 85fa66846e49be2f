namespace Ceiba.LoadTests.Metrics.Resources;

/// <summary>
/// The embedded runtime's node processes, found by their command line: the AppHost starts each node as
/// <c>network peer|orderer --config &lt;networkDir&gt;/nodes/&lt;name&gt;.json</c>. A chaincode server
/// (<c>Ceiba.Chaincode.Ehr</c>) is included when its <c>CHAINCODE_SERVER_ADDRESS</c> is one the network's peers dial,
/// and the EHR API (<c>Ceiba.Gateway.Api</c>) when its environment names the network directory, so processes of
/// other networks on the same machine are left out. The process list is rescanned every few samples, so nodes
/// that restart are picked up again.
/// </summary>
public sealed class EmbeddedNodeProbe(string networkDirectory) : IResourceProbe
{
    private const int RescanEverySamples = 10;

    private readonly string networkRoot = Path.GetFullPath(networkDirectory);
    private readonly string nodesDirectory = Path.GetFullPath(Path.Combine(networkDirectory, "nodes"));
    private HashSet<string>? chaincodeAddresses;
    private readonly Dictionary<int, (string Name, string Kind, CpuMeter Cpu)> watched = [];
    private int samplesSinceScan = RescanEverySamples;

    public string Describe()
    {
        Rescan();
        return watched.Count == 0
            ? $"embedded nodes: no process started with --config {nodesDirectory}/<name>.json was found"
            : $"embedded nodes: {string.Join(", ", watched.Values.Select(w => w.Name).Order(StringComparer.Ordinal))}";
    }

    public IReadOnlyList<ResourceReading> Sample()
    {
        if (++samplesSinceScan >= RescanEverySamples)
        {
            Rescan();
        }
        var readings = new List<ResourceReading>(watched.Count);
        foreach (var (pid, node) in watched.ToList())
        {
            if (ProcStat.Read(pid) is not { } stat)
            {
                watched.Remove(pid);
                samplesSinceScan = RescanEverySamples;
                continue;
            }
            readings.Add(new ResourceReading(node.Name, node.Kind, node.Cpu.Next(stat.Cpu), stat.RssBytes));
        }
        return readings;
    }

    /// <summary>Names a process from its command line, or returns null when it is not part of this network.</summary>
    /// <param name="environment">The process's environment variable by name, or (for null) its whole environment as text.</param>
    /// <param name="chaincodeAddresses">The chaincode addresses the network's peers dial.</param>
    internal static (string Name, string Kind)? Identify(
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        string nodesDirectory,
        string networkRoot,
        IReadOnlySet<string> chaincodeAddresses,
        Func<string?, string?> environment)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            string? config = null;
            if (argument == "--config" && i + 1 < arguments.Count)
            {
                config = arguments[i + 1];
            }
            else if (argument.StartsWith("--config=", StringComparison.Ordinal))
            {
                config = argument["--config=".Length..];
            }
            if (config is not null)
            {
                var full = Path.GetFullPath(config, workingDirectory ?? "/");
                if (string.Equals(Path.GetDirectoryName(full), nodesDirectory, StringComparison.Ordinal))
                {
                    var kind = arguments.Take(i).Contains("orderer", StringComparer.Ordinal) ? "orderer" : "peer";
                    return (Path.GetFileNameWithoutExtension(full), kind);
                }
            }
        }
        foreach (var argument in arguments)
        {
            var file = Path.GetFileName(argument);
            if (file is "Ceiba.Chaincode.Ehr" or "Ceiba.Chaincode.Ehr.dll"
                && environment("CHAINCODE_SERVER_ADDRESS") is { } address
                && chaincodeAddresses.Contains(address))
            {
                return ($"chaincode@{address}", "chaincode");
            }
            if (file is "Ceiba.Gateway.Api" or "Ceiba.Gateway.Api.dll"
                && environment(null) is { } all
                && all.Contains(networkRoot, StringComparison.Ordinal))
            {
                return ("gateway-api", "api");
            }
        }
        return null;
    }

    private void Rescan()
    {
        samplesSinceScan = 0;
        foreach (var pid in ProcStat.ProcessIds())
        {
            if (pid == Environment.ProcessId || watched.ContainsKey(pid))
            {
                continue;
            }
            var arguments = ProcStat.CommandLine(pid);
            if (arguments.Length == 0)
            {
                continue;
            }
            chaincodeAddresses ??= ChaincodeAddresses(nodesDirectory);
            var processId = pid;
            if (Identify(arguments, ProcStat.WorkingDirectory(pid), nodesDirectory, networkRoot, chaincodeAddresses, name => ProcStat.ReadEnvironment(processId, name)) is { } node)
            {
                var meter = new CpuMeter();
                if (ProcStat.Read(pid) is { } stat)
                {
                    meter.Next(stat.Cpu);
                }
                watched[pid] = (node.Name, node.Kind, meter);
            }
        }
    }

    /// <summary>The <c>chaincodes[].address</c> values of the network's node configs.</summary>
    internal static HashSet<string> ChaincodeAddresses(string nodesDirectory)
    {
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(nodesDirectory))
        {
            return addresses;
        }
        foreach (var file in Directory.EnumerateFiles(nodesDirectory, "*.json"))
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
                if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && document.RootElement.TryGetProperty("chaincodes", out var chaincodes)
                    && chaincodes.ValueKind == System.Text.Json.JsonValueKind.Array)
                {
                    foreach (var chaincode in chaincodes.EnumerateArray())
                    {
                        if (chaincode.TryGetProperty("address", out var address) && address.GetString() is { } text)
                        {
                            addresses.Add(text);
                        }
                    }
                }
            }
            catch (Exception error) when (error is IOException or System.Text.Json.JsonException)
            {
                // A node config that cannot be read names no chaincode; the nodes themselves are still found.
            }
        }
        return addresses;
    }
}
