using YamlDotNet.Serialization;

namespace Ceiba.Network.Msp.Internal;

/// <summary>
/// The MSP <c>config.yaml</c> as Fabric reads it (msp.Configuration): only the NodeOUs section is
/// modelled; anything else in the file is ignored on read.
/// </summary>
internal static class MspConfigYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    public static string Write(ConfigFile config) => Serializer.Serialize(config);

    public static ConfigFile Read(string yaml) => Deserializer.Deserialize<ConfigFile?>(yaml) ?? new ConfigFile();

    internal sealed class ConfigFile
    {
        public NodeOUsSection? NodeOUs { get; set; }
    }

    internal sealed class NodeOUsSection
    {
        public bool Enable { get; set; }

        public OUIdentifier? ClientOUIdentifier { get; set; }

        public OUIdentifier? PeerOUIdentifier { get; set; }

        public OUIdentifier? AdminOUIdentifier { get; set; }

        public OUIdentifier? OrdererOUIdentifier { get; set; }
    }

    internal sealed class OUIdentifier
    {
        public string? Certificate { get; set; }

        public string? OrganizationalUnitIdentifier { get; set; }
    }
}
