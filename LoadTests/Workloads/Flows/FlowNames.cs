namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>The flow names a scenario's <c>mix</c> may use.</summary>
public static class FlowNames
{
    /// <summary>The thesis' session: login lookup, list patients, read one patient's record, add a note or a drug exposure.</summary>
    public const string DoctorSession = "doctor-session";

    /// <summary>A new patient: CreatePerson, then CreateVisitOccurrence.</summary>
    public const string RegisterPatient = "register-patient";

    /// <summary>Bulk history of an existing patient: several visits, each with conditions, drug exposures and a note.</summary>
    public const string BackfillHistory = "backfill-history";

    /// <summary>One GetPatientRecord.</summary>
    public const string ReadRecord = "read-record";

    /// <summary>One CreateNote.</summary>
    public const string CreateNote = "create-note";

    /// <summary>One CreatePerson.</summary>
    public const string CreatePerson = "create-person";

    /// <summary>Every flow name.</summary>
    public static IReadOnlyList<string> All { get; } = [DoctorSession, RegisterPatient, BackfillHistory, ReadRecord, CreateNote, CreatePerson];
}
