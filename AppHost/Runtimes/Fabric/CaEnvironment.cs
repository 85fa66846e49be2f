using System.Globalization;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// The fabric-ca-server settings (<c>FABRIC_CA_SERVER_*</c>) for an org's CA: it serves the org's generated CA
/// certificate and key (so enrolled identities chain to the same root as the generated MSPs) over TLS with the
/// generated CA server certificate, and exposes health and metrics on its operations port.
/// </summary>
public static class CaEnvironment
{
    /// <summary>The environment for <paramref name="node"/>.</summary>
    /// <param name="node">The CA's node config.</param>
    /// <param name="caCertificateFile">The file name of the CA certificate in the node's CA folder, e.g. <c>ca.habana.ceiba.local-cert.pem</c>.</param>
    public static IReadOnlyDictionary<string, string> For(NodeConfig node, string caCertificateFile)
    {
        NodeRequirements.Check(node, "ca");
        ArgumentException.ThrowIfNullOrEmpty(caCertificateFile);
        var operationsPort = NodeRequirements.Port(node, node.Listen.OperationsPort, "operationsPort");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FABRIC_CA_HOME"] = ContainerPaths.CaHome,
            ["FABRIC_CA_SERVER_CA_NAME"] = node.Name,
            ["FABRIC_CA_SERVER_PORT"] = node.Listen.Port.ToString(CultureInfo.InvariantCulture),
            ["FABRIC_CA_SERVER_CA_CERTFILE"] = $"{ContainerPaths.CaCrypto}/{caCertificateFile}",
            ["FABRIC_CA_SERVER_CA_KEYFILE"] = $"{ContainerPaths.CaCrypto}/priv_sk",
            ["FABRIC_CA_SERVER_TLS_ENABLED"] = "true",
            ["FABRIC_CA_SERVER_TLS_CERTFILE"] = $"{ContainerPaths.CaTls}/server.crt",
            ["FABRIC_CA_SERVER_TLS_KEYFILE"] = $"{ContainerPaths.CaTls}/server.key",
            ["FABRIC_CA_SERVER_CSR_HOSTS"] = $"{node.HostName},localhost",
            ["FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS"] = $"0.0.0.0:{operationsPort.ToString(CultureInfo.InvariantCulture)}",
            ["FABRIC_CA_SERVER_METRICS_PROVIDER"] = "prometheus",
        };
    }
}
