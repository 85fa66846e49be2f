using System.Text.Json.Nodes;
using Ceiba.Testing;
using Google.Protobuf.Reflection;

namespace Ceiba.Network.Protos.Tests;

/// <summary>Every enum that travels on the wire has Fabric's names and numbers, as the Node bindings define them.</summary>
public sealed class EnumInteropTests
{
    // Fabric 3.x additions that the 2.5 protocol does not have.
    private static readonly HashSet<string> Fabric3Only = ["WRITE_BATCH_STATE", "GET_STATE_MULTIPLE"];

    private static readonly FileDescriptor[] Files =
    [
        Common.CommonReflection.Descriptor,
        Common.PoliciesReflection.Descriptor,
        Common.MspPrincipalReflection.Descriptor,
        Peer.TransactionReflection.Descriptor,
        Peer.ChaincodeReflection.Descriptor,
        Peer.ChaincodeShimReflection.Descriptor,
        Orderer.AbReflection.Descriptor,
        Orderer.ConfigurationReflection.Descriptor,
        Ledger.Rwset.RwsetReflection.Descriptor,
    ];

    public static TheoryData<string> EnumNames => new(
        "common.Status",
        "common.HeaderType",
        "common.BlockMetadataIndex",
        "common.Policy.PolicyType",
        "common.ImplicitMetaPolicy.Rule",
        "common.MSPPrincipal.Classification",
        "common.MSPRole.MSPRoleType",
        "common.MSPIdentityAnonymity.MSPIdentityAnonymityType",
        "protos.TxValidationCode",
        "protos.MetaDataKeys",
        "protos.ChaincodeSpec.Type",
        "protos.ChaincodeMessage.Type",
        "orderer.SeekInfo.SeekBehavior",
        "orderer.SeekInfo.SeekErrorResponse",
        "orderer.SeekInfo.SeekContentType",
        "orderer.ConsensusType.State",
        "rwset.TxReadWriteSet.DataModel");

    [Theory]
    [MemberData(nameof(EnumNames))]
    public async Task Enum_matches_the_node_bindings_name_for_name(string fullName)
    {
        // Arrange
        var ours = FindEnum(fullName).Values.ToDictionary(v => v.Name, v => v.Number);

        // Act
        var node = await NodeInterop.RunJsonAsync("protos/enum.js", new JsonObject { ["type"] = fullName }, cancellationToken: TestContext.Current.CancellationToken);
        var theirs = node!.AsObject()
            .Where(pair => !Fabric3Only.Contains(pair.Key))
            .ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<int>());

        // Assert
        Assert.NotEmpty(ours);
        Assert.Equal(theirs.OrderBy(p => p.Value).ThenBy(p => p.Key), ours.OrderBy(p => p.Value).ThenBy(p => p.Key));
    }

    private static EnumDescriptor FindEnum(string fullName)
    {
        static IEnumerable<EnumDescriptor> Nested(MessageDescriptor message) =>
            message.EnumTypes.Concat(message.NestedTypes.SelectMany(Nested));
        return Files
            .SelectMany(file => file.EnumTypes.Concat(file.MessageTypes.SelectMany(Nested)))
            .Single(e => e.FullName == fullName);
    }
}
