using Ceiba.Network.Msp;

namespace Ceiba.Gateway.Client.Tests.Support;

/// <summary>A CA-issued client identity of HabanaMSP and a peer identity that endorses, as generated crypto would hold.</summary>
internal sealed class ClientIdentities : IDisposable
{
    public const string MspId = "HabanaMSP";

    public ClientIdentities()
    {
        Ca = CertificateAuthority.CreateRoot("ca.habana.ceiba.local", "habana.ceiba.local");
        ClientCredential = Ca.IssueIdentity("User1@habana.ceiba.local", NodeOURole.Client);
        PeerCredential = Ca.IssueIdentity("peer0.habana.ceiba.local", NodeOURole.Peer);
        Client = SigningIdentity.FromCredential(MspId, ClientCredential);
        Peer = SigningIdentity.FromCredential(MspId, PeerCredential);
    }

    public CertificateAuthority Ca { get; }

    public Credential ClientCredential { get; }

    public Credential PeerCredential { get; }

    /// <summary>The client: MSP ID, certificate and signer.</summary>
    public SigningIdentity Client { get; }

    /// <summary>The endorsing peer.</summary>
    public SigningIdentity Peer { get; }

    public void Dispose()
    {
        ClientCredential.Dispose();
        PeerCredential.Dispose();
        Ca.Dispose();
    }
}
