namespace Ceiba.Network.Policies;

/// <summary>Well-known policy paths of a Fabric channel configuration.</summary>
public static class PolicyPaths
{
    /// <summary>Who may submit to the ordering service (Broadcast).</summary>
    public const string ChannelWriters = "/Channel/Writers";

    /// <summary>Who may read blocks (Deliver).</summary>
    public const string ChannelReaders = "/Channel/Readers";

    /// <summary>Who must sign blocks: any orderer org's Writers.</summary>
    public const string BlockValidation = "/Channel/Orderer/BlockValidation";

    /// <summary>The application channel's Writers (peer Propose ACL).</summary>
    public const string ApplicationWriters = "/Channel/Application/Writers";

    /// <summary>The application channel's Readers (deliver and commit-status ACL on peers).</summary>
    public const string ApplicationReaders = "/Channel/Application/Readers";

    /// <summary>The default chaincode endorsement policy.</summary>
    public const string ApplicationEndorsement = "/Channel/Application/Endorsement";
}
