using Ceiba.Network.Orderer;
using Grpc.Net.Client;

namespace Ceiba.Network.Peer.Tests.Support;

/// <summary>gRPC client channels for tests; TLS checks against a node's TLS CA file.</summary>
public static class GrpcClients
{
    public static GrpcChannel Create(string address, string? tlsCaFile, string? hostName) => OrdererGrpcChannels.Create(address, tlsCaFile, hostName);
}
