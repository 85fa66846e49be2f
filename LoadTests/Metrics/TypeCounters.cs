namespace Ceiba.LoadTests.Metrics;

/// <summary>Completed and failed transactions of one transaction type.</summary>
internal sealed class TypeCounters
{
    private long completed;
    private long failed;
    private int isWrite;

    public long Completed => Volatile.Read(ref completed);

    public long Failed => Volatile.Read(ref failed);

    public bool IsWrite => Volatile.Read(ref isWrite) != 0;

    public void Count(bool write, bool success)
    {
        Interlocked.Increment(ref completed);
        if (!success)
        {
            Interlocked.Increment(ref failed);
        }
        if (write)
        {
            Volatile.Write(ref isWrite, 1);
        }
    }
}
