namespace Ceiba.Gateway.Client;

/// <summary>The gateway call a transaction was in when something happened.</summary>
public enum GatewayStage
{
    /// <summary>Evaluate: one peer ran the proposal without recording it.</summary>
    Evaluate,

    /// <summary>Endorse: peers ran the proposal and endorsed the result.</summary>
    Endorse,

    /// <summary>Submit: the signed transaction went to the orderers.</summary>
    Submit,

    /// <summary>CommitStatus: waiting for the transaction's validation code.</summary>
    CommitStatus,

    /// <summary>ChaincodeEvents: reading a chaincode event stream.</summary>
    ChaincodeEvents,

    /// <summary>BlockEvents: reading a block stream from the peer's Deliver service.</summary>
    BlockEvents,
}
