using Ceiba.Network.Topology.Generation;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// A generated network folder (<c>network generate</c> output) seen by the <c>fabric</c> runtime: resolves the
/// relative paths of node configs against the root and fails with the missing path when material is absent.
/// </summary>
public sealed class FabricNetworkFolder
{
    private FabricNetworkFolder(string root) => Root = root;

    /// <summary>The absolute network root.</summary>
    public string Root { get; }

    /// <summary>Opens <paramref name="networkRoot"/>, which must hold the generated <c>nodes/</c> folder.</summary>
    /// <exception cref="FabricRuntimeException">The folder or its <c>nodes/</c> folder is missing.</exception>
    public static FabricNetworkFolder Open(string networkRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkRoot);
        var root = Path.GetFullPath(networkRoot);
        if (!Directory.Exists(Path.Combine(root, "nodes")))
        {
            throw new FabricRuntimeException(
                $"{root}: not a generated network (no nodes/ folder); run 'network generate' or let the AppHost generate the topology first.");
        }
        return new FabricNetworkFolder(root);
    }

    /// <summary>The absolute path of <paramref name="relative"/>.</summary>
    public string Full(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    /// <summary>The absolute path of an existing directory.</summary>
    /// <param name="relative">The path relative to the root.</param>
    /// <param name="what">What the directory holds, for the error message.</param>
    public string ExistingDirectory(string relative, string what)
    {
        var path = Full(relative);
        return Directory.Exists(path)
            ? path
            : throw new FabricRuntimeException($"{path}: missing {what}; regenerate the network ('network generate').");
    }

    /// <summary>The absolute path of an existing file.</summary>
    /// <param name="relative">The path relative to the root.</param>
    /// <param name="what">What the file is, for the error message.</param>
    public string ExistingFile(string relative, string what)
    {
        var path = Full(relative);
        return File.Exists(path)
            ? path
            : throw new FabricRuntimeException($"{path}: missing {what}; regenerate the network ('network generate').");
    }

    /// <summary>The absolute path of a directory the runtime writes to, created if missing.</summary>
    public string CreatedDirectory(string relative)
    {
        var path = Full(relative);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The node configs with role <paramref name="role"/> (<c>orderer</c>, <c>peer</c> or <c>ca</c>), by name.</summary>
    public IReadOnlyList<NodeConfig> Nodes(string role)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        return
        [
            .. Directory.EnumerateFiles(Path.Combine(Root, "nodes"), "*.json")
                .Select(NodeConfig.Load)
                .Where(n => n.Role == role)
                .OrderBy(n => n.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>The node config named <paramref name="name"/>.</summary>
    public NodeConfig Node(string name) => NodeConfig.Load(Full(OutputLayout.NodeConfig(name)));
}
