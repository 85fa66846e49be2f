using System.Security.Cryptography;

namespace Ceiba.Chaincode.Testing;

/// <content>Private data collections, with the same read-committed rule as world state.</content>
internal sealed partial class InMemoryStub
{
    public Task<byte[]> GetPrivateDataAsync(string collection, string key)
    {
        RequireKey(key);
        return Task.FromResult(_ledger.PrivateData.TryGetValue((collection, key), out var value) ? value : []);
    }

    public Task PutPrivateDataAsync(string collection, string key, ReadOnlyMemory<byte> value)
    {
        RequireKey(key);
        PrivateWrites[(collection, key)] = value.IsEmpty ? null : value.ToArray();
        return Task.CompletedTask;
    }

    public Task DeletePrivateDataAsync(string collection, string key)
    {
        RequireKey(key);
        PrivateWrites[(collection, key)] = null;
        return Task.CompletedTask;
    }

    public Task PurgePrivateDataAsync(string collection, string key) => DeletePrivateDataAsync(collection, key);

    public Task<byte[]> GetPrivateDataHashAsync(string collection, string key)
    {
        RequireKey(key);
        return Task.FromResult(
            _ledger.PrivateData.TryGetValue((collection, key), out var value) ? SHA256.HashData(value) : []);
    }
}
