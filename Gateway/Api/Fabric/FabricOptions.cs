namespace Ceiba.Gateway.Api.Fabric;

/// <summary>Where the generated network lives and which chaincode to call (section <c>Ceiba:Network</c>).</summary>
public sealed class FabricOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ceiba:Network";

    /// <summary>The output root of <c>network generate</c>: topology.json, connection-*.json, organizations/.</summary>
    public string? Directory { get; set; }

    /// <summary>The channel; the topology's first channel when empty.</summary>
    public string? Channel { get; set; }

    /// <summary>The chaincode name.</summary>
    public string Chaincode { get; set; } = "ehr";

    /// <summary>The deadline of an evaluate (read) call.</summary>
    public TimeSpan EvaluateTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The deadline of an endorse call.</summary>
    public TimeSpan EndorseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The deadline of waiting for a submitted transaction to commit.</summary>
    public TimeSpan CommitStatusTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
