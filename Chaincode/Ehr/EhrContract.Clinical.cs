using Ceiba.Chaincode.Ehr.Access;
using Ceiba.Chaincode.Ehr.Models;
using Ceiba.Chaincode.Ehr.Storage;
using Ceiba.Chaincode.Ehr.Validation;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Ehr;

/// <content>Creating clinical records: doctors only, append-only, each indexed under its patient.</content>
public sealed partial class EhrContract
{
    /// <summary>Creates a patient (409 when the id exists).</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="person">The OMOP PERSON row, without names.</param>
    /// <returns>A task that completes when the patient is written.</returns>
    [Transaction]
    public async Task CreatePersonAsync(EhrContext context, Person person)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(Role.Doctor);
        ClinicalRules.Validate(person, context.Stub.TxTimestamp.UtcDateTime.Year);
        var store = new RecordStore(context.Stub);
        var id = Text(person.PersonId);
        await RequireNewAsync(store, RecordKinds.Person, id).ConfigureAwait(false);
        await store.PutAsync(RecordKinds.Person, person).ConfigureAwait(false);
        EmitCreated(context, RecordKinds.Person, id, person.PersonId);
    }

    /// <summary>Creates a visit of an existing patient.</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="visit">The OMOP VISIT_OCCURRENCE row.</param>
    /// <returns>A task that completes when the visit is written.</returns>
    [Transaction]
    public async Task CreateVisitOccurrenceAsync(EhrContext context, VisitOccurrence visit)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(Role.Doctor);
        ClinicalRules.Validate(visit);
        await CreateClinicalAsync(context, RecordKinds.VisitOccurrence, visit, visit.PersonId, visitId: null).ConfigureAwait(false);
    }

    /// <summary>Creates a condition of an existing patient, optionally tied to one of their visits.</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="condition">The OMOP CONDITION_OCCURRENCE row.</param>
    /// <returns>A task that completes when the condition is written.</returns>
    [Transaction]
    public async Task CreateConditionOccurrenceAsync(EhrContext context, ConditionOccurrence condition)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(Role.Doctor);
        ClinicalRules.Validate(condition);
        await CreateClinicalAsync(
            context, RecordKinds.ConditionOccurrence, condition, condition.PersonId, condition.VisitOccurrenceId).ConfigureAwait(false);
    }

    /// <summary>Creates a drug exposure of an existing patient, optionally tied to one of their visits.</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="drugExposure">The OMOP DRUG_EXPOSURE row.</param>
    /// <returns>A task that completes when the drug exposure is written.</returns>
    [Transaction]
    public async Task CreateDrugExposureAsync(EhrContext context, DrugExposure drugExposure)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(Role.Doctor);
        ClinicalRules.Validate(drugExposure);
        await CreateClinicalAsync(
            context, RecordKinds.DrugExposure, drugExposure, drugExposure.PersonId, drugExposure.VisitOccurrenceId).ConfigureAwait(false);
    }

    /// <summary>Creates a note of an existing patient, optionally tied to one of their visits.</summary>
    /// <param name="context">The transaction context; the caller must be a doctor.</param>
    /// <param name="note">The OMOP NOTE row (UTF-8, text at most 64 KiB).</param>
    /// <returns>A task that completes when the note is written.</returns>
    [Transaction]
    public async Task CreateNoteAsync(EhrContext context, Note note)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Require(Role.Doctor);
        ClinicalRules.Validate(note);
        await CreateClinicalAsync(context, RecordKinds.Note, note, note.PersonId, note.VisitOccurrenceId).ConfigureAwait(false);
    }

    private static async Task CreateClinicalAsync<T>(EhrContext context, RecordKind<T> kind, T record, long personId, long? visitId)
    {
        var store = new RecordStore(context.Stub);
        var id = kind.IdOf(record);
        await RequireNewAsync(store, kind, id).ConfigureAwait(false);
        if (!await store.ExistsAsync(RecordKinds.Person, Text(personId)).ConfigureAwait(false))
        {
            throw new ChaincodeException(ChaincodeStatus.NotFound, $"person {personId} does not exist.");
        }

        if (visitId is long visit)
        {
            var found = await store.FindAsync(RecordKinds.VisitOccurrence, Text(visit)).ConfigureAwait(false)
                ?? throw new ChaincodeException(ChaincodeStatus.NotFound, $"visit_occurrence {visit} does not exist.");
            if (found.PersonId != personId)
            {
                throw new ChaincodeException(
                    ChaincodeStatus.BadRequest, $"visit_occurrence {visit} belongs to another person than person {personId}.");
            }
        }

        await store.PutAsync(kind, record).ConfigureAwait(false);
        await store.IndexUnderPersonAsync(kind, personId, id).ConfigureAwait(false);
        EmitCreated(context, kind, id, personId);
    }
}
