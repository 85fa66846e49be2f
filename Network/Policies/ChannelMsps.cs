using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Google.Protobuf;
using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Policies;

/// <summary>Reads the organizations' X.509 MSP definitions out of a channel configuration.</summary>
public static class ChannelMsps
{
    private const string MspValue = "MSP";

    /// <summary>A registry of every organization MSP found in the channel group's sub-groups (Orderer and Application orgs).</summary>
    public static MspRegistry FromConfig(ConfigGroup channelGroup, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(channelGroup);
        var definitions = new Dictionary<string, MspDefinition>(StringComparer.Ordinal);
        foreach (var section in channelGroup.Groups.Values)
        {
            foreach (var org in section.Groups.Values)
            {
                if (org.Values.TryGetValue(MspValue, out var value) && Read(value.Value) is { } definition)
                {
                    definitions.TryAdd(definition.MspId, definition);
                }
            }
        }

        return new MspRegistry(definitions.Values.Select(d => new MembershipServiceProvider(d, clock)));
    }

    /// <summary>The definition held by an <c>MSPConfig</c> value; null for non-X.509 (idemix) MSPs.</summary>
    public static MspDefinition? Read(ByteString mspConfigBytes)
    {
        var config = MSPConfig.Parser.ParseFrom(mspConfigBytes);
        if (config.Type != 0)
        {
            return null;
        }

        var fabric = FabricMSPConfig.Parser.ParseFrom(config.Config);
        var nodeOUs = fabric.FabricNodeOus is { } ous
            ? new NodeOUConfig(ous.Enable, Identifier(ous.ClientOuIdentifier), Identifier(ous.PeerOuIdentifier), Identifier(ous.AdminOuIdentifier), Identifier(ous.OrdererOuIdentifier))
            : null;
        return new MspDefinition(fabric.Name, Certificates(fabric.RootCerts))
        {
            IntermediateCerts = Certificates(fabric.IntermediateCerts),
            TlsCaCerts = Certificates(fabric.TlsRootCerts),
            TlsIntermediateCerts = Certificates(fabric.TlsIntermediateCerts),
            AdminCerts = Certificates(fabric.Admins),
            NodeOUs = nodeOUs,
        };
    }

    private static NodeOUIdentifier? Identifier(FabricOUIdentifier? identifier) => identifier is null
        ? null
        : new NodeOUIdentifier(identifier.OrganizationalUnitIdentifier, identifier.Certificate.IsEmpty ? null : Pem.LoadCertificate(identifier.Certificate.Span));

    private static X509Certificate2[] Certificates(IEnumerable<ByteString> pems) =>
        [.. pems.SelectMany(p => Pem.LoadCertificates(System.Text.Encoding.UTF8.GetString(p.Span)))];
}
