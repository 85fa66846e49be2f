using System.Globalization;
using System.Text.Json;
using Ceiba.Chaincode.Ehr.Access;
using Ceiba.Chaincode.Ehr.Models;
using Ceiba.Chaincode.Ehr.Storage;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Ehr;

/// <summary>
/// The OMOP EHR contract: patients (PERSON), visits, conditions, drug exposures and notes, which
/// doctors create and read, and the admin and doctor accounts, which admins manage. Clinical records
/// are append-only: there is no update or delete. Every create sets a chaincode event.
/// </summary>
/// <remarks>
/// Access comes from the caller's certificate (<c>role</c> = <c>admin</c> or <c>doctor</c>); see
/// <see cref="EhrContext.Require"/>. Keys and indexes are described in <c>Chaincode/Ehr/README.md</c>.
/// </remarks>
[Contract(Name = Name, IsDefault = true, Title = "Ceiba OMOP EHR", Version = "1.0.0",
    Description = "OMOP CDM v5.4 electronic health records for Cuban provincial hospitals")]
public sealed partial class EhrContract : ContractBase
{
    /// <summary>The contract name, for <c>ehr:Function</c>; it is also the default contract.</summary>
    public const string Name = "ehr";

    /// <summary>The largest page a listing returns.</summary>
    public const int MaxPageSize = 100;

    /// <inheritdoc />
    public override ITransactionSerializer Serializer { get; } = new JsonTransactionSerializer(EhrJsonContext.Default);

    private readonly CallerCache _callers = new();

    /// <inheritdoc />
    public override Context CreateContext(IChaincodeStub stub) => new EhrContext(stub, _callers);

    /// <summary>Fails with 400; names of updates and deletes get an append-only explanation.</summary>
    /// <param name="context">The transaction's context.</param>
    /// <returns>Never returns normally.</returns>
    public override Task UnknownTransactionAsync(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.TransactionName;
        if (name.StartsWith("Update", StringComparison.Ordinal) || name.StartsWith("Delete", StringComparison.Ordinal))
        {
            throw new ChaincodeException(
                ChaincodeStatus.BadRequest, $"Records are append-only: '{name}' is not a transaction of this contract.");
        }

        return base.UnknownTransactionAsync(context);
    }

    private static void RequirePageSize(int pageSize)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ChaincodeException(
                ChaincodeStatus.BadRequest, $"pageSize must be between 1 and {MaxPageSize}, got {pageSize}.");
        }
    }

    private static async Task RequireNewAsync<T>(RecordStore store, RecordKind<T> kind, string id)
    {
        if (await store.ExistsAsync(kind, id).ConfigureAwait(false))
        {
            throw new ChaincodeException(ChaincodeStatus.Conflict, $"{kind.ObjectType} {id} already exists.");
        }
    }

    private static void EmitCreated<T>(EhrContext context, RecordKind<T> kind, string id, long? personId)
    {
        var created = new RecordCreatedEvent(kind.ObjectType, id, personId, context.Caller.MspId);
        context.Stub.SetEvent(kind.EventName, JsonSerializer.SerializeToUtf8Bytes(created, EhrJsonContext.Default.RecordCreatedEvent));
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
