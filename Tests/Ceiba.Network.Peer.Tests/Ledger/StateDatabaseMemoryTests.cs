using System.Globalization;
using System.Text.RegularExpressions;
using Ceiba.Network.Peer.Ledger.Internal;
using Ceiba.Network.Peer.Tests.Support;

namespace Ceiba.Network.Peer.Tests.Ledger;

/// <summary>The state database's memory bounds, read back from RocksDB: its OPTIONS file and the column families' properties.</summary>
public sealed class StateDatabaseMemoryTests
{
    [Fact]
    public void Memtables_are_bounded_per_column_family_and_in_total_and_the_column_families_share_one_block_cache()
    {
        // Arrange
        using var directory = new TempDirectory();

        // Act
        using var database = StateDatabase.Open(directory.Path);

        // Assert
        var options = File.ReadAllText(Directory.GetFiles(directory.Path, "OPTIONS-*", SearchOption.AllDirectories).Max()!);
        Assert.Equal(StateDatabase.AllMemtablesBytes, Setting(options, "db_write_buffer_size").Single());
        var memtables = Setting(options, "write_buffer_size");
        Assert.Equal(5, memtables.Count);
        Assert.All(memtables, size => Assert.Equal(StateDatabase.MemtableBytes, size));
        Assert.All(
            [database.State, database.History, database.TxIds, database.Meta],
            family => Assert.Equal(StateDatabase.BlockCacheBytes.ToString(CultureInfo.InvariantCulture), database.Property("rocksdb.block-cache-capacity", family)));
    }

    private static List<ulong> Setting(string options, string name) =>
        [.. Regex.Matches(options, $@"^\s*{name}=(\d+)\s*$", RegexOptions.Multiline).Select(m => ulong.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
}
