namespace Ceiba.Network.Orderer.Cutting;

/// <summary>
/// Fabric's block cutter, without the timer: decides, message by message, when a batch is cut.
/// A message larger than PreferredMaxBytes cuts the pending batch and forms a batch of its own; a
/// message that would push the pending batch over PreferredMaxBytes cuts it first; the batch is cut
/// when it reaches MaxMessageCount. The caller owns the BatchTimeout timer (started by the first
/// pending message) and calls <see cref="Cut"/> when it fires. Not thread-safe.
/// </summary>
/// <typeparam name="T">The message type.</typeparam>
public sealed class BlockCutter<T>(BatchLimits limits)
{
    private readonly BatchLimits _limits = limits ?? throw new ArgumentNullException(nameof(limits));
    private List<T> _pending = [];
    private long _pendingBytes;

    /// <summary>True when messages are waiting for the next cut.</summary>
    public bool HasPending => _pending.Count > 0;

    /// <summary>The number of pending messages.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Adds a message of <paramref name="sizeBytes"/> (payload + signature) and returns the batches it caused to be cut, in order (zero, one or two).</summary>
    public IReadOnlyList<IReadOnlyList<T>> Ordered(T message, long sizeBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        if (sizeBytes > _limits.PreferredMaxBytes)
        {
            return HasPending ? [Cut(), [message]] : [[message]];
        }

        List<IReadOnlyList<T>>? batches = null;
        if (_pendingBytes + sizeBytes > _limits.PreferredMaxBytes)
        {
            (batches ??= []).Add(Cut());
        }

        _pending.Add(message);
        _pendingBytes += sizeBytes;
        if (_pending.Count >= _limits.MaxMessageCount)
        {
            (batches ??= []).Add(Cut());
        }

        return batches ?? (IReadOnlyList<IReadOnlyList<T>>)[];
    }

    /// <summary>Cuts and returns the pending batch (possibly empty).</summary>
    public IReadOnlyList<T> Cut()
    {
        var batch = _pending;
        _pending = [];
        _pendingBytes = 0;
        return batch;
    }
}
