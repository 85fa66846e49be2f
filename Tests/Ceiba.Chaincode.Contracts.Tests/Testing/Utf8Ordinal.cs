using System.Text;

namespace Ceiba.Chaincode.Testing;

/// <summary>
/// Orders keys as Fabric's state database does: by their UTF-8 bytes, which is code-point order.
/// (Ordinal UTF-16 order differs for characters above U+FFFF, such as the U+10FFFF range bound.)
/// </summary>
internal sealed class Utf8Ordinal : IComparer<string>
{
    public static Utf8Ordinal Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft ? 1 : hasRight ? -1 : 0;
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }
}
