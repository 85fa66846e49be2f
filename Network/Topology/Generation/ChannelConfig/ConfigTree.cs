using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Topology.Generation.ChannelConfig;

/// <summary>Helpers that fill a config group the way configtxgen does: version 0, mod policy "Admins".</summary>
internal static class ConfigTree
{
    public const string AdminsPolicy = "Admins";

    public static ConfigGroup NewGroup() => new() { ModPolicy = AdminsPolicy };

    public static ConfigGroup WithValue(this ConfigGroup group, string key, IMessage value)
    {
        group.Values[key] = new ConfigValue { ModPolicy = AdminsPolicy, Value = value.ToByteString() };
        return group;
    }

    public static ConfigGroup WithPolicy(this ConfigGroup group, string key, Policy policy)
    {
        group.Policies[key] = new ConfigPolicy { ModPolicy = AdminsPolicy, Policy = policy };
        return group;
    }

    public static ConfigGroup WithGroup(this ConfigGroup group, string key, ConfigGroup child)
    {
        group.Groups[key] = child;
        return group;
    }

    public static ConfigGroup WithCapabilities(this ConfigGroup group, params string[] names)
    {
        var capabilities = new Capabilities();
        foreach (var name in names)
        {
            capabilities.Capabilities_[name] = new Capability();
        }
        return group.WithValue(ConfigKeys.Capabilities, capabilities);
    }

    /// <summary>The standard Readers/Writers/Admins implicit-meta triple of the channel, orderer and application groups.</summary>
    public static ConfigGroup WithStandardImplicitMetaPolicies(this ConfigGroup group) => group
        .WithPolicy(ConfigKeys.Readers, PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Any, ConfigKeys.Readers))
        .WithPolicy(ConfigKeys.Writers, PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Any, ConfigKeys.Writers))
        .WithPolicy(ConfigKeys.Admins, PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Majority, ConfigKeys.Admins));
}
