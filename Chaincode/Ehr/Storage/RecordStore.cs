using System.Text;
using System.Text.Json;
using Ceiba.Chaincode.Ehr.Models;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Ehr.Storage;

/// <summary>
/// Reads and writes EHR records through the stub with the composite-key layout of README.md. It never
/// scans the whole state: every read is one key, one object type, or one patient's index entries.
/// </summary>
/// <param name="stub">The transaction's stub.</param>
internal sealed class RecordStore(IChaincodeStub stub)
{
    /// <summary>The value of an index entry: Fabric treats an empty value as a delete, so one zero byte.</summary>
    private static readonly byte[] IndexValue = [0];

    /// <summary>Whether a record exists.</summary>
    public async Task<bool> ExistsAsync<T>(RecordKind<T> kind, string id) =>
        (await stub.GetStateAsync(kind.Key(id)).ConfigureAwait(false)).Length > 0;

    /// <summary>Reads a record, or null when it does not exist.</summary>
    public async Task<T?> FindAsync<T>(RecordKind<T> kind, string id)
        where T : class
    {
        var value = await stub.GetStateAsync(kind.Key(id)).ConfigureAwait(false);
        return value.Length == 0 ? null : JsonSerializer.Deserialize(value, kind.TypeInfo);
    }

    /// <summary>Reads a record, failing with 404 when it does not exist.</summary>
    /// <exception cref="ChaincodeException">Status 404.</exception>
    public async Task<T> GetAsync<T>(RecordKind<T> kind, string id)
        where T : class =>
        await FindAsync(kind, id).ConfigureAwait(false)
        ?? throw new ChaincodeException(ChaincodeStatus.NotFound, $"{kind.ObjectType} {id} does not exist.");

    /// <summary>Writes a record under its key.</summary>
    public Task PutAsync<T>(RecordKind<T> kind, T record) =>
        stub.PutStateAsync(kind.Key(kind.IdOf(record)), JsonSerializer.SerializeToUtf8Bytes(record, kind.TypeInfo));

    /// <summary>Adds <c>person~{type}\0{person}\0{record}\0</c> to the patient's index.</summary>
    public Task IndexUnderPersonAsync<T>(RecordKind<T> kind, long personId, string recordId) =>
        stub.PutStateAsync(
            CompositeKey.Create(kind.PersonIndex, [RecordKinds.Person.KeyAttribute($"{personId}"), kind.KeyAttribute(recordId)]),
            IndexValue);

    /// <summary>Every record of one type indexed under a patient, in id order.</summary>
    public async Task<IReadOnlyList<T>> ListForPersonAsync<T>(RecordKind<T> kind, long personId)
    {
        var records = new List<T>();
        var entries = stub.GetStateByPartialCompositeKeyAsync(kind.PersonIndex, [RecordKinds.Person.KeyAttribute($"{personId}")]);
        await foreach (var entry in entries.ConfigureAwait(false))
        {
            var recordKey = CompositeKey.Create(kind.ObjectType, [CompositeKey.Parse(entry.Key).Attributes[1]]);
            var value = await stub.GetStateAsync(recordKey).ConfigureAwait(false);
            if (value.Length > 0)
            {
                records.Add(JsonSerializer.Deserialize(value, kind.TypeInfo)!);
            }
        }

        return records;
    }

    /// <summary>One page of all records of a type, in id order, made safe to return.</summary>
    /// <exception cref="ChaincodeException">Status 400 when the bookmark is not one of this listing's.</exception>
    public async Task<RecordPage<T>> ListAsync<T>(RecordKind<T> kind, int pageSize, string bookmark)
    {
        var prefix = CompositeKey.Create(kind.ObjectType, []);
        if (bookmark.Length > 0 && !bookmark.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ChaincodeException(ChaincodeStatus.BadRequest, $"The bookmark does not belong to a {kind.ObjectType} listing.");
        }

        var page = await stub.GetStateByPartialCompositeKeyWithPaginationAsync(kind.ObjectType, [], pageSize, bookmark)
            .ConfigureAwait(false);
        var records = page.Items.Select(item => kind.Public(JsonSerializer.Deserialize(item.Value, kind.TypeInfo)!)).ToList();
        return new RecordPage<T>(records, page.Metadata.FetchedRecordsCount, page.Metadata.Bookmark);
    }

    /// <summary>The account id an e-mail index points to, or null.</summary>
    public async Task<string?> FindByEmailAsync(string index, string normalizedEmail)
    {
        var value = await stub.GetStateAsync(CompositeKey.Create(index, [normalizedEmail])).ConfigureAwait(false);
        return value.Length == 0 ? null : Encoding.UTF8.GetString(value);
    }

    /// <summary>Points an e-mail index entry at an account id.</summary>
    public Task IndexEmailAsync(string index, string normalizedEmail, string accountId) =>
        stub.PutStateAsync(CompositeKey.Create(index, [normalizedEmail]), Encoding.UTF8.GetBytes(accountId));
}
