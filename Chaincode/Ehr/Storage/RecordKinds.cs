using System.Collections.Frozen;
using System.Globalization;
using Ceiba.Chaincode.Ehr.Access;
using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Storage;

/// <summary>The seven record types of the EHR chaincode and their key layout (see README.md).</summary>
internal static class RecordKinds
{
    public static readonly RecordKind<Person> Person = new(
        "person", "PersonCreated", Role.Doctor, EhrJsonContext.Default.Person, p => Text(p.PersonId), numericIds: true);

    public static readonly RecordKind<VisitOccurrence> VisitOccurrence = new(
        "visit_occurrence", "VisitOccurrenceCreated", Role.Doctor, EhrJsonContext.Default.VisitOccurrence,
        v => Text(v.VisitOccurrenceId), numericIds: true);

    public static readonly RecordKind<ConditionOccurrence> ConditionOccurrence = new(
        "condition_occurrence", "ConditionOccurrenceCreated", Role.Doctor, EhrJsonContext.Default.ConditionOccurrence,
        c => Text(c.ConditionOccurrenceId), numericIds: true);

    public static readonly RecordKind<DrugExposure> DrugExposure = new(
        "drug_exposure", "DrugExposureCreated", Role.Doctor, EhrJsonContext.Default.DrugExposure,
        d => Text(d.DrugExposureId), numericIds: true);

    public static readonly RecordKind<Note> Note = new(
        "note", "NoteCreated", Role.Doctor, EhrJsonContext.Default.Note, n => Text(n.NoteId), numericIds: true);

    public static readonly RecordKind<Admin> Admin = new(
        "admin", "AdminCreated", Role.Admin, EhrJsonContext.Default.Admin, a => a.AdminId!, numericIds: false,
        a => a with { PasswordHash = null });

    public static readonly RecordKind<Doctor> Doctor = new(
        "doctor", "DoctorCreated", Role.Admin, EhrJsonContext.Default.Doctor, d => d.DoctorId!, numericIds: false,
        d => d with { PasswordHash = null });

    /// <summary>Every record type by its object type, for the history transaction.</summary>
    public static readonly FrozenDictionary<string, IRecordKind> ByObjectType = new IRecordKind[]
    {
        Person, VisitOccurrence, ConditionOccurrence, DrugExposure, Note, Admin, Doctor,
    }.ToFrozenDictionary(kind => kind.ObjectType, StringComparer.Ordinal);

    /// <summary>The login index of admins: <c>admin~email</c>.</summary>
    public const string AdminEmailIndex = "admin~email";

    /// <summary>The login index of doctors: <c>doctor~email</c>.</summary>
    public const string DoctorEmailIndex = "doctor~email";

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
