using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Msp;
using Google.Protobuf;
using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Topology.Generation.ChannelConfig;

/// <summary>Builds the FabricMSPConfig that configtxgen would read from an org's verifying MSP folder.</summary>
public static class MspConfigFactory
{
    public static FabricMSPConfig Create(string mspId, X509Certificate2 caCertificate, X509Certificate2 tlsCaCertificate)
    {
        ArgumentNullException.ThrowIfNull(caCertificate);
        ArgumentNullException.ThrowIfNull(tlsCaCertificate);
        var caPem = ByteString.CopyFrom(Pem.EncodeCertificateUtf8(caCertificate));
        FabricOUIdentifier Ou(NodeOURole role) => new() { Certificate = caPem, OrganizationalUnitIdentifier = role.ToOUName() };

        var config = new FabricMSPConfig
        {
            Name = mspId,
            CryptoConfig = new FabricCryptoConfig { SignatureHashFamily = "SHA2", IdentityIdentifierHashFunction = "SHA256" },
            FabricNodeOus = new FabricNodeOUs
            {
                Enable = true,
                ClientOuIdentifier = Ou(NodeOURole.Client),
                PeerOuIdentifier = Ou(NodeOURole.Peer),
                AdminOuIdentifier = Ou(NodeOURole.Admin),
                OrdererOuIdentifier = Ou(NodeOURole.Orderer),
            },
        };
        config.RootCerts.Add(caPem);
        config.TlsRootCerts.Add(ByteString.CopyFrom(Pem.EncodeCertificateUtf8(tlsCaCertificate)));
        return config;
    }
}
