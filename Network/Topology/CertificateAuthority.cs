namespace Ceiba.Network.Topology;

/// <summary>An organization's Fabric CA, serving the CA REST API (over TLS) on one port.</summary>
public sealed record CertificateAuthority
{
    /// <summary>The CA's name, e.g. <c>ca</c>; a DNS label, so its host name is <c>ca.habana.ceiba.local</c>.</summary>
    public string Name { get; set; } = "ca";

    /// <summary>The port of the CA REST API.</summary>
    public required int Port { get; init; }

    /// <summary>The operations port: health, metrics.</summary>
    public required int OperationsPort { get; init; }

    /// <summary>CPU and memory limits for the CA; none when omitted.</summary>
    public ResourceLimits? Resources { get; init; }
}
