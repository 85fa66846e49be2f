using Ceiba.Chaincode.Ehr.Access;
using Ceiba.Chaincode.Ehr.Models;
using Ceiba.Chaincode.Ehr.Storage;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Ehr;

/// <content>Reading clinical records by id and listing them page by page: doctors only.</content>
public sealed partial class EhrContract
{
    /// <summary>Reads a patient (404 when missing).</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="personId">The person id.</param>
    /// <returns>The patient.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<Person> GetPersonAsync(EhrContext context, long personId) => GetClinicalAsync(context, RecordKinds.Person, personId);

    /// <summary>Reads a visit (404 when missing).</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="visitOccurrenceId">The visit id.</param>
    /// <returns>The visit.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<VisitOccurrence> GetVisitOccurrenceAsync(EhrContext context, long visitOccurrenceId) =>
        GetClinicalAsync(context, RecordKinds.VisitOccurrence, visitOccurrenceId);

    /// <summary>Reads a condition (404 when missing).</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="conditionOccurrenceId">The condition occurrence id.</param>
    /// <returns>The condition.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<ConditionOccurrence> GetConditionOccurrenceAsync(EhrContext context, long conditionOccurrenceId) =>
        GetClinicalAsync(context, RecordKinds.ConditionOccurrence, conditionOccurrenceId);

    /// <summary>Reads a drug exposure (404 when missing).</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="drugExposureId">The drug exposure id.</param>
    /// <returns>The drug exposure.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<DrugExposure> GetDrugExposureAsync(EhrContext context, long drugExposureId) =>
        GetClinicalAsync(context, RecordKinds.DrugExposure, drugExposureId);

    /// <summary>Reads a note (404 when missing).</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="noteId">The note id.</param>
    /// <returns>The note.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<Note> GetNoteAsync(EhrContext context, long noteId) => GetClinicalAsync(context, RecordKinds.Note, noteId);

    /// <summary>One page of patients in id order.</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="bookmark">The previous page's bookmark, or empty for the first page.</param>
    /// <returns>The page.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<RecordPage<Person>> ListPersonsAsync(EhrContext context, int pageSize, string bookmark = "") =>
        ListAsync(context, RecordKinds.Person, pageSize, bookmark);

    /// <summary>One page of visits in id order.</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="bookmark">The previous page's bookmark, or empty for the first page.</param>
    /// <returns>The page.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<RecordPage<VisitOccurrence>> ListVisitOccurrencesAsync(EhrContext context, int pageSize, string bookmark = "") =>
        ListAsync(context, RecordKinds.VisitOccurrence, pageSize, bookmark);

    /// <summary>One page of conditions in id order.</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="bookmark">The previous page's bookmark, or empty for the first page.</param>
    /// <returns>The page.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<RecordPage<ConditionOccurrence>> ListConditionOccurrencesAsync(EhrContext context, int pageSize, string bookmark = "") =>
        ListAsync(context, RecordKinds.ConditionOccurrence, pageSize, bookmark);

    /// <summary>One page of drug exposures in id order.</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="bookmark">The previous page's bookmark, or empty for the first page.</param>
    /// <returns>The page.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<RecordPage<DrugExposure>> ListDrugExposuresAsync(EhrContext context, int pageSize, string bookmark = "") =>
        ListAsync(context, RecordKinds.DrugExposure, pageSize, bookmark);

    /// <summary>One page of notes in id order.</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="bookmark">The previous page's bookmark, or empty for the first page.</param>
    /// <returns>The page.</returns>
    [Transaction(Intent = TransactionIntent.Evaluate)]
    public Task<RecordPage<Note>> ListNotesAsync(EhrContext context, int pageSize, string bookmark = "") =>
        ListAsync(context, RecordKinds.Note, pageSize, bookmark);

    private static async Task<T> GetClinicalAsync<T>(EhrContext context, RecordKind<T> kind, long id)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(Role.Doctor);
        return await new RecordStore(context.Stub).GetAsync(kind, Text(id)).ConfigureAwait(false);
    }
}
