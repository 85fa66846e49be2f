using Ceiba.LoadTests.Workloads;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.GatewayTarget;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.LoadTests.Tests.Workloads;

using Ceiba.Gateway.Client;

/// <summary>Validation codes and client exceptions map to the report's failure kinds.</summary>
public sealed class FailureClassifierTests
{
    [Theory]
    [InlineData(TxValidationCode.Valid, FailureKind.None)]
    [InlineData(TxValidationCode.MvccReadConflict, FailureKind.Mvcc)]
    [InlineData(TxValidationCode.PhantomReadConflict, FailureKind.Mvcc)]
    [InlineData(TxValidationCode.EndorsementPolicyFailure, FailureKind.OtherValidation)]
    [InlineData(TxValidationCode.DuplicateTxid, FailureKind.OtherValidation)]
    public void Validation_codes_map_to_failure_kinds(TxValidationCode code, FailureKind expected)
    {
        // Arrange
        // Act
        var kind = FailureClassifier.FromValidationCode(code);

        // Assert
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void Exceptions_map_by_stage_and_deadline()
    {
        // Arrange
        var endorse = new EndorseException("tx1", new Grpc.Core.Status(StatusCode.Aborted, "chaincode response 409, exists"), [], null);
        var deadline = new EndorseException("tx2", new Grpc.Core.Status(StatusCode.DeadlineExceeded, "late"), [], null);
        var submit = new SubmitException("tx3", new Grpc.Core.Status(StatusCode.Unavailable, "orderer down"), [], null);

        // Act
        var kinds = new GatewayException[] { endorse, deadline, submit }.Select(FailureClassifier.FromException).ToList();

        // Assert
        Assert.Equal([FailureKind.Endorsement, FailureKind.Timeout, FailureKind.Other], kinds);
        Assert.Equal(409, FailureClassifier.ChaincodeStatus(endorse));
        Assert.Null(FailureClassifier.ChaincodeStatus(submit));
    }
}
