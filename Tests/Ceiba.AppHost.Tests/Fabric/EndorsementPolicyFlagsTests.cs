using Ceiba.AppHost.Runtimes.Fabric;
using Ceiba.Network.Topology;

namespace Ceiba.AppHost.Tests.Fabric;

public sealed class EndorsementPolicyFlagsTests
{
    [Theory]
    [InlineData("OR('HabanaMSP.peer')", "--signature-policy", "OR('HabanaMSP.peer')")]
    [InlineData("AND( 'HabanaMSP.peer' ,'SantiagoMSP.peer')", "--signature-policy", "AND('HabanaMSP.peer', 'SantiagoMSP.peer')")]
    [InlineData("OutOf(2, 'HabanaMSP.peer', 'SantiagoMSP.peer', 'VillaClaraMSP.peer')", "--signature-policy", "OutOf(2, 'HabanaMSP.peer', 'SantiagoMSP.peer', 'VillaClaraMSP.peer')")]
    [InlineData("MAJORITY Endorsement", "--channel-config-policy", "/Channel/Application/Endorsement")]
    [InlineData("ANY Writers", "--channel-config-policy", "/Channel/Application/Writers")]
    public void The_definition_carries_the_topology_policy(string policy, string flag, string value)
    {
        // Arrange
        var chaincode = new ChaincodeDefinition { Name = "ehr", Channel = "ehr", Version = "1.0", EndorsementPolicy = policy };

        // Act
        var flags = EndorsementPolicyFlags.For(chaincode);

        // Assert
        Assert.Equal([flag, value], flags);
    }

    [Theory]
    [InlineData("ANY Endorsement", "no policy with that rule")]
    [InlineData("OR('HabanaMSP.peer'", "endorsementPolicy")]
    public void A_policy_the_channel_cannot_express_is_rejected_with_the_chaincode_name(string policy, string expected)
    {
        // Arrange
        var chaincode = new ChaincodeDefinition { Name = "ehr", Channel = "ehr", Version = "1.0", EndorsementPolicy = policy };

        // Act
        var error = Assert.Throws<FabricRuntimeException>(() => EndorsementPolicyFlags.For(chaincode));

        // Assert
        Assert.Contains("'ehr'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
