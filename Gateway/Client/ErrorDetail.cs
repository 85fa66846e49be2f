namespace Ceiba.Gateway.Client;

/// <summary>One node's part of a gateway error, decoded from the <c>gateway.ErrorDetail</c>s in the gRPC status details.</summary>
/// <param name="Address">The address of the peer or orderer that failed.</param>
/// <param name="MspId">The MSP ID of that node.</param>
/// <param name="Message">What went wrong there.</param>
public sealed record ErrorDetail(string Address, string MspId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Address} ({MspId}): {Message}";
}
