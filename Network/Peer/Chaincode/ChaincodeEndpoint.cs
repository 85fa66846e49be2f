using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Peer.Chaincode;

/// <summary>Where a chaincode server (CCaaS) listens, and how to reach it.</summary>
/// <param name="Name">The chaincode name, e.g. <c>ehr</c>.</param>
/// <param name="Version">The version of the chaincode definition, written to endorsements.</param>
/// <param name="Address">host:port of the chaincode server.</param>
/// <param name="RootCertificate">The CA that signed the server's TLS certificate; null for plaintext.</param>
/// <param name="ClientCertificate">The peer's client certificate with its key, when the server requires client auth.</param>
public sealed record ChaincodeEndpoint(string Name, string Version, string Address, X509Certificate2? RootCertificate = null, X509Certificate2? ClientCertificate = null);
