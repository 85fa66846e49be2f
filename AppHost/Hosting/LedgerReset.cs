namespace Ceiba.AppHost.Hosting;

/// <summary>
/// <c>--fresh-ledger</c>: deletes the nodes' state under <c>&lt;network&gt;/data</c> (ledgers, and in the fabric runtime
/// the CAs' databases) before anything starts, and keeps the identities, node configs and genesis blocks, so the
/// network starts at block 0 with the same material.
/// </summary>
public static class LedgerReset
{
    /// <summary>The folder, relative to the network root, that holds every node's state.</summary>
    public const string DataFolder = "data";

    /// <summary>Deletes the nodes' state of the network in <paramref name="networkDirectory"/>.</summary>
    /// <returns>True when there was state to delete.</returns>
    public static bool Apply(string networkDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkDirectory);
        var data = Path.Combine(networkDirectory, DataFolder);
        if (!Directory.Exists(data))
        {
            return false;
        }

        Directory.Delete(data, recursive: true);
        return true;
    }
}
