using System.Globalization;
using Ceiba.Chaincode.Ehr.Models;
using Ceiba.Chaincode.Ehr.Storage;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Ehr;

/// <content>A patient's full record through the person indexes, and the history of any record.</content>
public sealed partial class EhrContract
{
    /// <summary>
    /// A patient's full record: the person and their visits, conditions, drug exposures and notes, read
    /// through the <c>person~{type}</c> indexes, never by scanning the state (404 when the person is missing).
    /// </summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="personId">The person id.</param>
    /// <returns>The record.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public async Task<PatientRecord> GetPatientRecordAsync(EhrContext context, long personId)
    {
        var person = await GetClinicalAsync(context, RecordKinds.Person, personId).ConfigureAwait(false);
        var store = new RecordStore(context.Stub);
        return new PatientRecord(
            person,
            await store.ListForPersonAsync(RecordKinds.VisitOccurrence, personId).ConfigureAwait(false),
            await store.ListForPersonAsync(RecordKinds.ConditionOccurrence, personId).ConfigureAwait(false),
            await store.ListForPersonAsync(RecordKinds.DrugExposure, personId).ConfigureAwait(false),
            await store.ListForPersonAsync(RecordKinds.Note, personId).ConfigureAwait(false));
    }

    /// <summary>
    /// Every committed change of one record, newest first, from the ledger's history index. Clinical
    /// types need the doctor role, account types the admin role; password hashes are removed.
    /// </summary>
    /// <param name="context">The transaction context.</param>
    /// <param name="recordType">
    /// <c>person</c>, <c>visit_occurrence</c>, <c>condition_occurrence</c>, <c>drug_exposure</c>, <c>note</c>,
    /// <c>admin</c> or <c>doctor</c>.
    /// </param>
    /// <param name="id">The record id.</param>
    /// <returns>The changes; empty when the record never existed.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public async Task<IReadOnlyList<RecordHistoryEntry>> GetRecordHistoryAsync(EhrContext context, string recordType, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!RecordKinds.ByObjectType.TryGetValue(recordType, out var kind))
        {
            throw new ChaincodeException(
                ChaincodeStatus.BadRequest,
                $"Unknown record type '{recordType}'; expected one of {string.Join(", ", RecordKinds.ByObjectType.Keys)}.");
        }

        context.Require(kind.ReaderRole);
        var key = Shim.CompositeKey.Create(kind.ObjectType, [kind.KeyAttribute(id)]);
        var history = new List<RecordHistoryEntry>();
        await foreach (var change in context.Stub.GetHistoryForKeyAsync(key).ConfigureAwait(false))
        {
            history.Add(new RecordHistoryEntry(
                change.TxId,
                change.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                change.IsDelete,
                change.IsDelete || change.Value.Length == 0 ? null : kind.ToPublicJson(change.Value)));
        }

        return history;
    }
}
