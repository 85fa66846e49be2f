using Ceiba.Chaincode.Shim.Packaging;
using Ceiba.Network.Topology;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// Writes the CCaaS install packages of a topology with the shim's <see cref="CcaasPackageBuilder"/> into
/// <c>fabric/setup/chaincode/</c>: one per chaincode and organization that runs a server for it. The builder is
/// deterministic, so regenerating gives the same bytes and the same package ids.
/// </summary>
public static class CcaasPackages
{
    /// <summary>
    /// The host name containers reach the host by. The chaincode servers run as host processes (Aspire project
    /// resources), so peers dial <c>host.docker.internal:&lt;server port&gt;</c>; on Linux the peer containers get
    /// <c>--add-host=host.docker.internal:host-gateway</c>, and the servers must listen on all interfaces.
    /// </summary>
    public const string HostGateway = "host.docker.internal";

    /// <summary>How long a peer waits when dialing the chaincode server.</summary>
    public const string DialTimeout = "10s";

    /// <summary>Builds and writes the packages; an unchanged file is left untouched.</summary>
    /// <param name="network">The generated network folder.</param>
    /// <param name="topology">The topology it was generated from.</param>
    /// <param name="chaincodeHost">The host name peers dial the chaincode servers at.</param>
    public static IReadOnlyList<CcaasPackageFile> Write(FabricNetworkFolder network, NetworkTopology topology, string chaincodeHost = HostGateway)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentException.ThrowIfNullOrWhiteSpace(chaincodeHost);
        network.CreatedDirectory(ContainerPaths.PackageDirectory);

        var files = new List<CcaasPackageFile>();
        foreach (var chaincode in topology.Chaincodes)
        {
            foreach (var server in chaincode.Servers)
            {
                var org = topology.FindOrg(server.Org)
                    ?? throw new FabricRuntimeException($"Chaincode '{chaincode.Name}': server org '{server.Org}' is not an organization of topology '{topology.Name}'.");
                var address = $"{chaincodeHost}:{server.Port}";
                var package = CcaasPackageBuilder.Build(chaincode.Label, new CcaasConnection
                {
                    Address = address,
                    DialTimeout = DialTimeout,
                    TlsRequired = false,
                });
                var fileName = $"{chaincode.Name}-{org.Name.ToLowerInvariant()}.tar.gz";
                var hostPath = network.Full(Path.Combine(ContainerPaths.PackageDirectory, fileName));
                if (!File.Exists(hostPath) || !File.ReadAllBytes(hostPath).AsSpan().SequenceEqual(package.Bytes))
                {
                    File.WriteAllBytes(hostPath, package.Bytes);
                }
                files.Add(new CcaasPackageFile(
                    chaincode.Name, chaincode.Channel, org.Name, org.MspId, chaincode.Label, package.PackageId, address, server.Port,
                    hostPath, ContainerPaths.InToolsSetup($"chaincode/{fileName}")));
            }
        }
        return files;
    }
}
