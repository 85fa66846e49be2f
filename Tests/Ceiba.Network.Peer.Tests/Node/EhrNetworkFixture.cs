namespace Ceiba.Network.Peer.Tests.Node;

/// <summary>The cuba-3 network in-process with every org running the C# EHR chaincode.</summary>
public sealed class EhrNetworkFixture() : ThreeOrgNetworkFixture(ehr: true);
