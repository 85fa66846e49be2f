namespace Ceiba.Network.Topology.Policies;

/// <summary>How an implicit-meta policy combines its sub-policies, with the numbers of Fabric's <c>ImplicitMetaPolicy.Rule</c>.</summary>
public enum ImplicitMetaRule
{
    /// <summary>Any one sub-policy (<c>ANY</c>).</summary>
    Any = 0,

    /// <summary>Every sub-policy (<c>ALL</c>).</summary>
    All = 1,

    /// <summary>More than half of the sub-policies (<c>MAJORITY</c>).</summary>
    Majority = 2,
}
