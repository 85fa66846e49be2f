using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ceiba.Chaincode.Ehr.Access;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Ehr.Storage;

/// <summary>What the store needs to know about one record type, whatever its .NET type.</summary>
internal interface IRecordKind
{
    /// <summary>The composite-key object type, for example <c>note</c>.</summary>
    string ObjectType { get; }

    /// <summary>The role that may read records of this type.</summary>
    Role ReaderRole { get; }

    /// <summary>The composite-key attribute of an id given by a client.</summary>
    /// <exception cref="ChaincodeException">Status 400 when the id is not valid for this type.</exception>
    string KeyAttribute(string id);

    /// <summary>A stored value as JSON, with secrets (password hashes) removed.</summary>
    JsonElement ToPublicJson(byte[] value);
}

/// <summary>
/// One record type: its object type in composite keys, event name, reader role, JSON contract, how to
/// get its id and patient, and what to remove before it leaves the chaincode.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class RecordKind<T>(
    string objectType,
    string eventName,
    Role readerRole,
    JsonTypeInfo<T> typeInfo,
    Func<T, string> idOf,
    bool numericIds,
    Func<T, T>? redact = null) : IRecordKind
{
    /// <inheritdoc />
    public string ObjectType { get; } = objectType;

    /// <summary>The chaincode event set when a record of this type is created.</summary>
    public string EventName { get; } = eventName;

    /// <inheritdoc />
    public Role ReaderRole { get; } = readerRole;

    /// <summary>The source-generated JSON contract.</summary>
    public JsonTypeInfo<T> TypeInfo { get; } = typeInfo;

    /// <summary>The composite-key object type of the patient index, for example <c>person~note</c>.</summary>
    public string PersonIndex => "person~" + ObjectType;

    /// <summary>The record's id as clients write it (for example <c>42</c>).</summary>
    public string IdOf(T record) => idOf(record);

    /// <summary>The record as it may leave the chaincode (password hash removed for accounts).</summary>
    public T Public(T record) => redact is null ? record : redact(record);

    /// <inheritdoc />
    public string KeyAttribute(string id)
    {
        if (!numericIds)
        {
            return id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
                ? id
                : throw new ChaincodeException(
                    ChaincodeStatus.BadRequest, $"A {ObjectType} id must be 1-64 characters of letters, digits, '.', '_' or '-'.");
        }

        // Zero-padded to 19 digits, so that key order (and listing order) is numeric order.
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number.ToString("D19", CultureInfo.InvariantCulture)
            : throw new ChaincodeException(ChaincodeStatus.BadRequest, $"A {ObjectType} id must be a whole number > 0, got '{id}'.");
    }

    /// <summary>The record's key: <c>\0{object type}\0{key attribute}\0</c>.</summary>
    public string Key(string id) => CompositeKey.Create(ObjectType, [KeyAttribute(id)]);

    /// <inheritdoc />
    public JsonElement ToPublicJson(byte[] value)
    {
        var record = JsonSerializer.Deserialize(value, TypeInfo)!;
        return JsonSerializer.SerializeToElement(Public(record), TypeInfo);
    }
}
