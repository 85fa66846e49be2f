namespace Ceiba.Network.Ledger.Internal;

/// <summary>A broadcast signal: waiters take the current task, and <see cref="Signal"/> completes it and arms a new one.</summary>
internal sealed class HeightSignal
{
    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The task the next <see cref="Signal"/> completes.</summary>
    public Task Current => Volatile.Read(ref _current).Task;

    /// <summary>Wakes every waiter.</summary>
    public void Signal() =>
        Interlocked.Exchange(ref _current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
