namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// Everything needed to run one container of the <c>fabric</c> runtime, independent of Aspire: the AppHost maps it
/// onto a container resource (image, tag, environment, bind mounts, arguments, endpoints, network alias).
/// </summary>
/// <param name="Name">The resource name, e.g. <c>peer0-habana</c>.</param>
/// <param name="Image">The image without registry or tag, e.g. <c>hyperledger/fabric-peer</c>.</param>
/// <param name="Tag">The pinned image tag.</param>
/// <param name="Environment">The environment variables, in the order Fabric's documentation lists them.</param>
/// <param name="Mounts">Bind mounts from the generated network folder.</param>
/// <param name="Args">The command and its arguments (the image's CMD is replaced).</param>
/// <param name="Ports">Published ports: host port = container port, so host-side connection profiles keep working.</param>
/// <param name="Entrypoint">The entrypoint, or null to keep the image's.</param>
public sealed record ContainerSpec(
    string Name,
    string Image,
    string Tag,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<BindMount> Mounts,
    IReadOnlyList<string> Args,
    IReadOnlyList<ContainerPort> Ports,
    string? Entrypoint = null)
{
    /// <summary>The registry the image is pulled from.</summary>
    public string Registry { get; init; } = FabricContainerImageTags.Registry;

    /// <summary>
    /// The DNS name other containers reach this one by: the node's TLS host name (e.g. <c>peer0.habana.ceiba.local</c>),
    /// which its TLS certificate and the channel configuration name. Map it with <c>WithContainerNetworkAlias</c>.
    /// </summary>
    public string? NetworkAlias { get; init; }

    /// <summary>
    /// Extra arguments for the container runtime's <c>run</c> command (<c>WithContainerRuntimeArgs</c>): CPU and memory
    /// limits from the topology and, for peers, <c>--add-host=host.docker.internal:host-gateway</c>.
    /// </summary>
    public IReadOnlyList<string> RuntimeArgs { get; init; } = [];

    /// <summary>The HTTP health endpoint (operations service), or null for a one-shot container.</summary>
    public HttpHealthCheck? HealthCheck { get; init; }

    /// <summary>The full image reference, <c>registry/image:tag</c>.</summary>
    public string ImageReference => $"{Registry}/{Image}:{Tag}";
}

/// <summary>A bind mount of a host path into the container.</summary>
/// <param name="Source">The absolute host path; it exists when the spec is returned.</param>
/// <param name="Target">The absolute path inside the container.</param>
/// <param name="ReadOnly">True for generated crypto material, scripts and blocks; false for ledgers.</param>
public sealed record BindMount(string Source, string Target, bool ReadOnly);

/// <summary>A published port.</summary>
/// <param name="Name">The endpoint name: <c>grpc</c>, <c>admin</c>, <c>operations</c> or <c>api</c>.</param>
/// <param name="HostPort">The port on the host, from the node config.</param>
/// <param name="TargetPort">
/// The port the process listens on inside the container (equal to the host port). Named as Aspire's
/// <c>targetPort</c>: C# forbids a member named <c>ContainerPort</c> inside the type <c>ContainerPort</c>.
/// </param>
/// <param name="Scheme"><c>https</c> when the port serves TLS, otherwise <c>http</c>.</param>
public sealed record ContainerPort(string Name, int HostPort, int TargetPort, string Scheme);

/// <summary>An HTTP GET health check against one of the container's ports.</summary>
/// <param name="PortName">The <see cref="ContainerPort.Name"/> to probe.</param>
/// <param name="Path">The path, e.g. <c>/healthz</c>.</param>
public sealed record HttpHealthCheck(string PortName, string Path);
