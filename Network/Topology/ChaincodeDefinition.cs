using System.Text.Json.Serialization;
using Ceiba.Network.Topology.Policies;

namespace Ceiba.Network.Topology;

/// <summary>A chaincode definition on one channel, run as a service (CCaaS) by the listed servers.</summary>
public sealed record ChaincodeDefinition
{
    /// <summary>The chaincode name, e.g. <c>ehr</c>; a DNS label, as it also names the servers' hosts.</summary>
    public required string Name { get; init; }

    /// <summary>The channel it is defined on.</summary>
    public required string Channel { get; init; }

    /// <summary>The version, e.g. <c>1.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The definition's sequence number; at least 1.</summary>
    public long Sequence { get; set; } = 1;

    /// <summary>The package label; <c>{name}_{version}</c> when omitted.</summary>
    public string Label
    {
        get => _label ?? $"{Name}_{Version}";
        init => _label = value;
    }

    /// <summary>Whether <see cref="Label"/> was given rather than derived.</summary>
    internal bool HasExplicitLabel => _label is not null;

    private readonly string? _label;

    /// <summary>
    /// The endorsement policy: a signature policy such as <c>AND('HabanaMSP.peer', 'SantiagoMSP.peer')</c> or an
    /// implicit-meta reference such as <c>MAJORITY Endorsement</c> (the default). See <see cref="PolicyExpression"/>.
    /// </summary>
    public string EndorsementPolicy { get; set; } = "MAJORITY Endorsement";

    /// <summary>Whether the chaincode's Init must be invoked before other transactions.</summary>
    public bool InitRequired { get; init; }

    /// <summary>The chaincode servers, one per organization that runs the chaincode.</summary>
    public IReadOnlyList<ChaincodeServer> Servers { get; set; } = [];

    /// <summary>The parsed endorsement policy. Throws <see cref="PolicySyntaxException"/> if it is not valid.</summary>
    public PolicyExpression GetEndorsementPolicy() => PolicyExpression.Parse(EndorsementPolicy);

    /// <summary>The host name of <paramref name="org"/>'s server for this chaincode, e.g. <c>ehr.habana.ceiba.local</c>.</summary>
    public string HostNameOf(Organization org)
    {
        ArgumentNullException.ThrowIfNull(org);
        return HostNames.Of(Name, org.Domain);
    }
}
