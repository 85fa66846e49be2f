
namespace Ceiba.Testing.Chaincode.Internal;

/// <summary>
/// Orders keys as Fabric's LevelDB does: by their UTF-8 bytes, which is code-point order
/// (UTF-16 ordinal order differs for characters above U+FFFF, such as the U+10FFFF range end).
/// </summary>
internal sealed class Utf8KeyComparer : IComparer<string>
{
    public static readonly Utf8KeyComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }
        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }
            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }

    public static bool InRange(string key, string startKey, string endKey) =>
        Instance.Compare(key, startKey) >= 0 && (endKey.Length == 0 || Instance.Compare(key, endKey) < 0);

}
