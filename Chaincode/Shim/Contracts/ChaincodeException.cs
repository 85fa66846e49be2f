namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>
/// A business error a transaction function throws on purpose: the client receives the
/// <see cref="Status"/>, the <see cref="Exception.Message"/> and the <see cref="Payload"/>
/// unchanged. Any other exception is a bug and reaches the client only as
/// "internal error" (status 500).
/// </summary>
public sealed class ChaincodeException : Exception
{
    /// <summary>Creates a business error with an explicit status.</summary>
    /// <param name="status">An error status, from 400 to 599 (see <see cref="ChaincodeStatus"/>).</param>
    /// <param name="message">The message returned to the client.</param>
    /// <param name="payload">Optional machine-readable details returned to the client.</param>
    /// <exception cref="ArgumentOutOfRangeException">The status is not an error status.</exception>
    public ChaincodeException(int status, string message, byte[]? payload = null)
        : base(message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        Status = status;
        Payload = payload ?? [];
    }

    /// <summary>Creates a business error with status 400 (bad request).</summary>
    /// <param name="message">The message returned to the client.</param>
    /// <param name="payload">Optional machine-readable details returned to the client.</param>
    public ChaincodeException(string message, byte[]? payload = null)
        : this(ChaincodeStatus.BadRequest, message, payload)
    {
    }

    /// <summary>The status returned to the client, from 400 to 599.</summary>
    public int Status { get; }

    /// <summary>The details returned to the client; empty when there are none.</summary>
    public byte[] Payload { get; }
}
