using System.Net;

namespace Ceiba.Network.Orderer.Consensus;

/// <summary>An ordering node of the Raft cluster: its name, gRPC address and TLS names, and its Raft endpoint.</summary>
/// <param name="Name">The node name, e.g. <c>orderer0</c>.</param>
/// <param name="GrpcAddress">The AtomicBroadcast address, <c>host:port</c>.</param>
/// <param name="HostName">The name its TLS certificate carries.</param>
/// <param name="TlsCaCertPath">The TLS CA certificate that signed its server certificate.</param>
/// <param name="RaftEndPoint">Where its Raft transport listens.</param>
internal sealed record ClusterMember(string Name, string GrpcAddress, string HostName, string TlsCaCertPath, IPEndPoint RaftEndPoint);
