using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp;

/// <summary>What a node's or user's <c>tls/</c> folder holds.</summary>
/// <param name="CaCertificate">The TLS CA certificate (<c>ca.crt</c>).</param>
/// <param name="Credential">The TLS certificate and key (<c>server.crt</c>/<c>server.key</c> or <c>client.crt</c>/<c>client.key</c>).</param>
/// <param name="IsServer">True for a node's server pair, false for a user's client pair.</param>
public sealed record TlsFolderContents(X509Certificate2 CaCertificate, Credential Credential, bool IsServer);
