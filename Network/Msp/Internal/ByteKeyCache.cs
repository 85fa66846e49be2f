using System.Collections.Concurrent;

namespace Ceiba.Network.Msp.Internal;

/// <summary>
/// A bounded, thread-safe cache keyed by byte strings, looked up by span without allocating.
/// When full it starts over: the working set of identities in a network is small and stable.
/// </summary>
internal sealed class ByteKeyCache<TValue>(int capacity)
    where TValue : class
{
    private readonly ConcurrentDictionary<byte[], TValue> _entries = new(ByteArrayComparer.Instance);

    public int Count => _entries.Count;

    public TValue GetOrAdd(ReadOnlySpan<byte> key, Func<byte[], TValue> create)
    {
        var lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        var ownedKey = key.ToArray();
        return _entries.GetOrAdd(ownedKey, create);
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
