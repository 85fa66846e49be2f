using Ceiba.Network.Ledger;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Orderer.Tests.Ledger;

public sealed class BlockStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ceiba-blockstore-").FullName;

    [Fact]
    public void Appends_reads_back_the_same_bytes_and_tracks_the_tip()
    {
        // Arrange
        using var store = BlockStore.Open(_directory);
        var chain = Chain(3);

        // Act
        chain.ForEach(store.Append);

        // Assert
        Assert.Equal(3ul, store.Height);
        Assert.Equal(chain[1].ToByteArray(), store.GetBlockBytes(1));
        Assert.Equal(BlockHashing.HeaderHash(chain[2].Header), store.TipHash.ToArray());
    }

    [Fact]
    public void Rejects_a_block_that_does_not_extend_the_chain()
    {
        // Arrange
        using var store = BlockStore.Open(_directory);
        var chain = Chain(3);
        store.Append(chain[0]);
        var wrongPrevious = BlockHashing.NewBlock(1, ByteString.CopyFrom(new byte[32]), [ByteString.CopyFromUtf8("x")]);
        var badData = Chain(2)[1];
        badData.Header.PreviousHash = ByteString.CopyFrom(store.TipHash.Span);
        badData.Data.Data.Add(ByteString.CopyFromUtf8("tampered"));

        // Act
        var skipped = Assert.Throws<BlockStoreException>(() => store.Append(chain[2]));
        var previous = Assert.Throws<BlockStoreException>(() => store.Append(wrongPrevious));
        var data = Assert.Throws<BlockStoreException>(() => store.Append(badData));

        // Assert
        Assert.Contains("height is 1", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("previous_hash", previous.Message, StringComparison.Ordinal);
        Assert.Contains("data_hash", data.Message, StringComparison.Ordinal);
        Assert.Equal(1ul, store.Height);
    }

    [Fact]
    public void Appends_a_batch_with_one_flush_and_rejects_the_whole_batch_when_one_block_breaks_the_chain()
    {
        // Arrange
        var chain = Chain(5);
        var broken = Chain(5)[4];
        broken.Header.PreviousHash = ByteString.CopyFrom(new byte[32]);
        using (var store = BlockStore.Open(_directory))
        {
            store.Append(chain[0]);

            // Act
            store.Append([chain[1], chain[2]]);
            var error = Assert.Throws<BlockStoreException>(() => store.Append([chain[3], broken]));

            // Assert
            Assert.Contains("previous_hash", error.Message, StringComparison.Ordinal);
            Assert.Equal(3ul, store.Height);
            Assert.Equal(BlockHashing.HeaderHash(chain[2].Header), store.TipHash.ToArray());
        }

        using var reopened = BlockStore.Open(_directory);
        Assert.Equal(3ul, reopened.Height);
        Assert.Equal(chain[2].ToByteArray(), reopened.GetBlockBytes(2));
        Assert.Equal(chain[1], reopened.GetBlock(1));
    }

    [Fact]
    public void Reopening_recovers_the_chain_and_drops_a_torn_tail()
    {
        // Arrange
        var chain = Chain(4);
        using (var store = BlockStore.Open(_directory))
        {
            chain.Take(3).ToList().ForEach(store.Append);
        }

        using (var data = File.Open(Path.Combine(_directory, "blocks.dat"), FileMode.Append))
        {
            data.Write([200, 0, 0, 0, 1, 2, 3]); // a length prefix and half a block
        }

        // Act
        using var reopened = BlockStore.Open(_directory);
        reopened.Append(chain[3]);

        // Assert
        Assert.Equal(4ul, reopened.Height);
        Assert.Equal(chain[3].ToByteArray(), reopened.GetBlockBytes(3));
        Assert.Equal(chain[0].ToByteArray(), reopened.GetBlockBytes(0));
    }

    [Fact]
    public void Reopening_reindexes_a_block_written_before_its_index_entry()
    {
        // Arrange
        var chain = Chain(2);
        using (var store = BlockStore.Open(_directory))
        {
            chain.ForEach(store.Append);
        }

        var index = Path.Combine(_directory, "blocks.idx");
        File.WriteAllBytes(index, File.ReadAllBytes(index)[..8]);

        // Act
        using var reopened = BlockStore.Open(_directory);

        // Assert
        Assert.Equal(2ul, reopened.Height);
        Assert.Equal(chain[1].ToByteArray(), reopened.GetBlockBytes(1));
    }

    [Fact]
    public async Task WaitForBlock_completes_when_the_block_is_appended()
    {
        // Arrange
        using var store = BlockStore.Open(_directory);
        var chain = Chain(2);
        store.Append(chain[0]);
        var waiting = store.WaitForBlockAsync(1, TestContext.Current.CancellationToken);

        // Act
        var before = waiting.IsCompleted;
        store.Append(chain[1]);
        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Assert
        Assert.False(before);
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_leased_block_equals_the_parsed_block_and_serializes_to_the_stored_bytes()
    {
        // Arrange: transactions of 0 bytes, 1 byte, and sizes whose length prefixes take one, two and three varint bytes
        using var store = BlockStore.Open(_directory);
        var genesis = Chain(1)[0];
        var transactions = new[] { 0, 1, 127, 128, 3000, 20000 }.Select(size => ByteString.CopyFrom(Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray())).ToList();
        var block = BlockHashing.NewBlock(1, ByteString.CopyFrom(BlockHashing.HeaderHash(genesis.Header)), transactions);
        block.Metadata.Metadata[0] = ByteString.CopyFromUtf8("signatures");
        store.Append(genesis);
        store.Append(block);

        // Act
        Block leasedCopy;
        byte[] serialized;
        using (var leased = store.LeaseBlock(1))
        {
            serialized = leased.Block.ToByteArray();
            leasedCopy = leased.Block.Clone();
        }

        // Assert
        Assert.Equal(store.GetBlock(1), leasedCopy);
        Assert.Equal(block, leasedCopy);
        Assert.Equal(store.GetBlockBytes(1), serialized);
        Assert.Equal(6, leasedCopy.Data.Data.Count);
    }

    [Fact]
    public void Leasing_a_block_beyond_the_height_is_refused()
    {
        // Arrange
        using var store = BlockStore.Open(_directory);
        store.Append(Chain(1)[0]);

        // Act
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => store.LeaseBlock(1));

        // Assert
        Assert.Equal("number", refused.ParamName);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static List<Block> Chain(int count)
    {
        var blocks = new List<Block>();
        var previous = ByteString.Empty;
        for (var i = 0; i < count; i++)
        {
            var block = BlockHashing.NewBlock((ulong)i, previous, [ByteString.CopyFromUtf8($"tx-{i}-a"), ByteString.CopyFromUtf8($"tx-{i}-b")]);
            previous = ByteString.CopyFrom(BlockHashing.HeaderHash(block.Header));
            blocks.Add(block);
        }

        return blocks;
    }
}
