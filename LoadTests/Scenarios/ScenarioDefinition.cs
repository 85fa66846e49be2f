using System.Text.Json.Serialization;

namespace Ceiba.LoadTests.Scenarios;

/// <summary>
/// A scenario file (<c>LoadTests/scenarios/*.json</c>): what load to offer, which flows make it up, how long to run,
/// and the gates that decide the exit code. Durations are written as <c>"500ms"</c>, <c>"30s"</c>, <c>"2m"</c>.
/// </summary>
public sealed record ScenarioDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The topology the scenario is meant for (a shipped name or a path); the CLI's <c>--topology</c> wins.</summary>
    public string? Topology { get; init; }

    // Properties with defaults use set, not init: System.Text.Json source generation would otherwise overwrite
    // the default with zero when the file leaves the field out.

    /// <summary>Where transactions go: straight to Fabric through the Gateway client, or through Gateway.Api over HTTP.</summary>
    public ScenarioTarget Target { get; set; } = ScenarioTarget.Gateway;

    /// <summary>Seeds Bogus and the flow mix, so that two runs offer the same data in the same order.</summary>
    public int Seed { get; set; } = 20260101;

    /// <summary>How long the measured part runs, after warm-up. At least one of this and <see cref="MaxTransactions"/> is set.</summary>
    [JsonConverter(typeof(DurationJsonConverter))]
    public TimeSpan? Duration { get; init; }

    /// <summary>Stop after this many transactions have been started (warm-up excluded).</summary>
    public long? MaxTransactions { get; init; }

    /// <summary>Load offered before measuring starts; its samples are dropped.</summary>
    [JsonConverter(typeof(DurationJsonConverter))]
    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A transaction still running after this is cancelled and counted as a timeout.</summary>
    [JsonConverter(typeof(DurationJsonConverter))]
    public TimeSpan TransactionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public required LoadProfile Load { get; init; }

    /// <summary>The weighted flow mix; weights are relative.</summary>
    public required IReadOnlyList<FlowWeight> Mix { get; init; }

    /// <summary>How many peers must have committed a transaction for <c>commit@threshold</c>; null means every peer.</summary>
    public int? CommitThresholdPeers { get; init; }

    /// <summary>Gates; a breach makes the exit code non-zero.</summary>
    public ScenarioThresholds? Thresholds { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ScenarioTarget>))]
public enum ScenarioTarget
{
    [JsonStringEnumMemberName("gateway")]
    Gateway,

    [JsonStringEnumMemberName("http")]
    Http,
}

[JsonConverter(typeof(JsonStringEnumConverter<LoadModel>))]
public enum LoadModel
{
    /// <summary>Arrivals on a schedule, whatever the system's answer times (no coordinated omission).</summary>
    [JsonStringEnumMemberName("open")]
    Open,

    /// <summary>A fixed number of virtual users, each waiting for its answer and then thinking.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,

    /// <summary>Open-model steps of rising rate until p99 or the error rate breaks a limit; reports the knee.</summary>
    [JsonStringEnumMemberName("saturation")]
    Saturation,
}

/// <summary>The offered load. Exactly the part that matches <see cref="Model"/> is set.</summary>
public sealed record LoadProfile
{
    public required LoadModel Model { get; init; }

    /// <summary>Open model: phases run one after another; the last one repeats until the run's bounds are met.</summary>
    public IReadOnlyList<ArrivalPhase>? Phases { get; init; }

    /// <summary>Closed model: how many virtual users run at once.</summary>
    public int? Users { get; init; }

    /// <summary>Closed model: the pause between a user's flows.</summary>
    [JsonConverter(typeof(DurationJsonConverter))]
    public TimeSpan? ThinkTime { get; init; }

    /// <summary>Saturation model: the step plan and the limits that define the knee.</summary>
    public SaturationPlan? Saturation { get; init; }
}

/// <summary>One phase of an open-model schedule: a constant rate, or a linear ramp from <see cref="Rate"/> to <see cref="RampTo"/>.</summary>
public sealed record ArrivalPhase
{
    /// <summary>Arrivals per second at the start of the phase (flows per second, not transactions).</summary>
    public required double Rate { get; init; }

    /// <summary>When set, the rate ramps linearly to this value by the end of the phase.</summary>
    public double? RampTo { get; init; }

    [JsonConverter(typeof(DurationJsonConverter))]
    public required TimeSpan Duration { get; init; }
}

public sealed record SaturationPlan
{
    public required double StartRate { get; init; }

    public required double StepRate { get; init; }

    [JsonConverter(typeof(DurationJsonConverter))]
    public required TimeSpan StepDuration { get; init; }

    public required double MaxRate { get; init; }

    /// <summary>A step whose end-to-end p99 exceeds this is past the knee.</summary>
    [JsonConverter(typeof(DurationJsonConverter))]
    public required TimeSpan MaxP99 { get; init; }

    /// <summary>A step whose error rate (0–1) exceeds this is past the knee.</summary>
    public double MaxErrorRate { get; set; } = 0.01;
}

public sealed record FlowWeight(string Flow, double Weight);

public sealed record ScenarioThresholds
{
    /// <summary>Minimum goodput: VALID commits (and successful reads) per second over the measured window.</summary>
    public double? MinThroughput { get; init; }

    /// <summary>Maximum share (0–1) of transactions that failed, of any kind.</summary>
    public double? MaxErrorRate { get; init; }

    /// <summary>Per-stage latency limits, keyed by <see cref="Engine.StageNames"/> (e.g. <c>end-to-end</c>, <c>commit</c>).</summary>
    public IReadOnlyDictionary<string, StageLimits>? Stages { get; init; }
}

public sealed record StageLimits
{
    [JsonConverter(typeof(DurationJsonConverter))]
    public TimeSpan? P95 { get; init; }

    [JsonConverter(typeof(DurationJsonConverter))]
    public TimeSpan? P99 { get; init; }
}

/// <summary>Source-generated JSON for scenario files: camelCase, comments and trailing commas allowed, unknown fields rejected.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ScenarioDefinition))]
public sealed partial class ScenarioJsonContext : JsonSerializerContext;
