namespace Ceiba.Network.Topology.Policies;

/// <summary>A signature policy: a threshold gate (<see cref="NOutOf"/>) or a single principal (<see cref="SignedBy"/>).</summary>
public abstract record SignaturePolicyExpression : PolicyExpression;
