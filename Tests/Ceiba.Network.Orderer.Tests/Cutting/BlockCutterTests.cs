using Ceiba.Network.Orderer.Cutting;

namespace Ceiba.Network.Orderer.Tests.Cutting;

public class BlockCutterTests
{
    private static readonly BatchLimits Limits = new(MaxMessageCount: 3, AbsoluteMaxBytes: 1000, PreferredMaxBytes: 100, BatchTimeout: TimeSpan.FromSeconds(2));

    public static TheoryData<string, int[], string> Cases => new()
    {
        // name, message sizes, expected batches after all messages ("|" separates batches; "pending:" what stays pending)
        { "count cut at MaxMessageCount", [10, 10, 10], "0,1,2|pending:" },
        { "below count stays pending", [10, 10], "pending:0,1" },
        { "count cut then new pending", [10, 10, 10, 10], "0,1,2|pending:3" },
        { "preferred overflow cuts before adding", [60, 60], "0|pending:1" },
        { "exactly preferred fits", [50, 50], "pending:0,1" },
        { "oversize alone with empty pending", [150], "0|pending:" },
        { "oversize cuts pending then goes alone", [10, 150, 10], "0|1|pending:2" },
        { "overflow then count", [90, 20, 20, 20], "0|1,2,3|pending:" },
        { "exactly preferred in one message stays pending", [100], "pending:0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cuts_as_Fabric(string name, int[] sizes, string expected)
    {
        // Arrange
        var cutter = new BlockCutter<int>(Limits);
        var batches = new List<string>();

        // Act
        for (var i = 0; i < sizes.Length; i++)
        {
            batches.AddRange(cutter.Ordered(i, sizes[i]).Select(b => string.Join(",", b)));
        }

        var pending = string.Join(",", cutter.Cut());

        // Assert
        Assert.True(string.Join("|", [.. batches, $"pending:{pending}"]) == expected, name);
    }

    [Fact]
    public void Cut_empties_the_pending_batch()
    {
        // Arrange
        var cutter = new BlockCutter<string>(Limits);
        cutter.Ordered("a", 10);

        // Act
        var batch = cutter.Cut();

        // Assert
        Assert.Equal(["a"], batch);
        Assert.False(cutter.HasPending);
        Assert.Empty(cutter.Cut());
    }
}
