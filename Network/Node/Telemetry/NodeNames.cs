namespace Ceiba.Network.Node.Telemetry;

/// <summary>The service name a node reports telemetry under when <c>OTEL_SERVICE_NAME</c> does not set one.</summary>
internal static class NodeNames
{
    /// <summary><c>nodes/peer0-habana.json</c> → <c>peer0-habana</c>, the node's resource name.</summary>
    public static string FromConfigPath(string configPath) => Path.GetFileNameWithoutExtension(configPath) is { Length: > 0 } name ? name : "network";
}
