using System.Collections.Concurrent;
using Ceiba.Chaincode.Shim;
using Google.Protobuf;

namespace Ceiba.Chaincode.Ehr.Access;

/// <summary>
/// Remembers the <see cref="Caller"/> read from each creator certificate, so a busy chaincode parses a
/// client's X.509 certificate once instead of on every transaction. The same certificate bytes always
/// give the same caller, so caching cannot change a decision. Bounded: it starts over when full.
/// </summary>
/// <param name="capacity">How many distinct certificates to remember.</param>
internal sealed class CallerCache(int capacity = 4096)
{
    private readonly ConcurrentDictionary<(string MspId, ByteString Certificate), Caller> _callers = new();

    /// <summary>The caller of a transaction, read with <paramref name="read"/> the first time its certificate is seen.</summary>
    /// <param name="stub">The transaction's stub.</param>
    /// <param name="read">Reads the caller from the certificate.</param>
    /// <returns>The caller.</returns>
    public Caller Get(IChaincodeStub stub, Func<Caller> read)
    {
        var key = (stub.Creator.Mspid, stub.Creator.IdBytes);
        if (_callers.TryGetValue(key, out var caller))
        {
            return caller;
        }

        caller = read();
        if (_callers.Count >= capacity)
        {
            _callers.Clear();
        }

        _callers[key] = caller;
        return caller;
    }
}
