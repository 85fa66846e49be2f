namespace Ceiba.Chaincode.Shim;

/// <content>Private data collections. The wire messages are Fabric's; the embedded peer may not serve them yet.</content>
public partial interface IChaincodeStub
{
    /// <summary>Reads a key from a private data collection (GET_STATE with a collection).</summary>
    /// <param name="collection">The collection name; must not be empty.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value, or an empty array when the key does not exist.</returns>
    Task<byte[]> GetPrivateDataAsync(string collection, string key);

    /// <summary>Writes a key in a private data collection (PUT_STATE with a collection).</summary>
    /// <param name="collection">The collection name; must not be empty.</param>
    /// <param name="key">The key; must not be empty.</param>
    /// <param name="value">The value.</param>
    /// <returns>A task that completes when the peer acknowledged the write.</returns>
    Task PutPrivateDataAsync(string collection, string key, ReadOnlyMemory<byte> value);

    /// <summary>Deletes a key in a private data collection (DEL_STATE with a collection).</summary>
    /// <param name="collection">The collection name; must not be empty.</param>
    /// <param name="key">The key; must not be empty.</param>
    /// <returns>A task that completes when the peer acknowledged the delete.</returns>
    Task DeletePrivateDataAsync(string collection, string key);

    /// <summary>Purges a key and its history from a private data collection (PURGE_PRIVATE_DATA).</summary>
    /// <param name="collection">The collection name; must not be empty.</param>
    /// <param name="key">The key; must not be empty.</param>
    /// <returns>A task that completes when the peer acknowledged the purge.</returns>
    Task PurgePrivateDataAsync(string collection, string key);

    /// <summary>Reads the hash of a private value, visible to every peer of the channel (GET_PRIVATE_DATA_HASH).</summary>
    /// <param name="collection">The collection name; must not be empty.</param>
    /// <param name="key">The key.</param>
    /// <returns>The SHA-256 hash of the value, or an empty array when the key does not exist.</returns>
    Task<byte[]> GetPrivateDataHashAsync(string collection, string key);
}
