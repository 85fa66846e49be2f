namespace Ceiba.LoadTests.Engine;

/// <summary>Why a transaction did not end VALID, in the categories the report counts separately.</summary>
public enum FailureKind
{
    /// <summary>Succeeded: a VALID commit for a write, an answer for a read.</summary>
    None,

    /// <summary>The endorse (or evaluate) stage failed: a chaincode error, a policy that could not be met, a peer refusing.</summary>
    Endorsement,

    /// <summary>A stage deadline passed, or the run's per-transaction timeout.</summary>
    Timeout,

    /// <summary>Committed with MVCC_READ_CONFLICT or PHANTOM_READ_CONFLICT.</summary>
    Mvcc,

    /// <summary>Committed with any other validation code than VALID.</summary>
    OtherValidation,

    /// <summary>An HTTP target answered with a status outside 2xx.</summary>
    Http,

    /// <summary>Anything else: the orderer refused the submit, a connection broke.</summary>
    Other,
}
