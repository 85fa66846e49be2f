namespace Ceiba.Chaincode.Shim;

/// <summary>
/// What a chaincode returns for one transaction: Fabric's <c>protos.Response</c>
/// (status, message, payload).
/// </summary>
/// <param name="Status">200 for success; 400 or more is an error (Fabric's ERRORTHRESHOLD is 400, ERROR is 500).</param>
/// <param name="Message">A human-readable message, usually set for errors.</param>
/// <param name="Payload">The result bytes returned to the client.</param>
public sealed record ChaincodeResponse(int Status, string Message, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Fabric's OK status.</summary>
    public const int Ok = 200;

    /// <summary>Fabric's ERRORTHRESHOLD: statuses at or above this are errors.</summary>
    public const int ErrorThreshold = 400;

    /// <summary>Fabric's ERROR status, used for internal errors.</summary>
    public const int InternalError = 500;

    /// <summary>True when <see cref="Status"/> is below <see cref="ErrorThreshold"/>.</summary>
    public bool IsSuccess => Status < ErrorThreshold;

    /// <summary>A status-200 response carrying <paramref name="payload"/>.</summary>
    /// <param name="payload">The result bytes; empty when omitted.</param>
    /// <returns>The response.</returns>
    public static ChaincodeResponse Success(ReadOnlyMemory<byte> payload = default) => new(Ok, string.Empty, payload);

    /// <summary>An error response.</summary>
    /// <param name="message">Why the transaction failed.</param>
    /// <param name="status">A status of 400 or more; 500 when omitted.</param>
    /// <param name="payload">Optional error details for the client.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is below 400.</exception>
    public static ChaincodeResponse Error(string message, int status = InternalError, ReadOnlyMemory<byte> payload = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, ErrorThreshold);
        return new(status, message, payload);
    }
}
