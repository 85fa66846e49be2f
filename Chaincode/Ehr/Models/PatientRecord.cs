namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>A patient's full record: the person and every clinical record indexed under them, each list in id order.</summary>
/// <param name="Person">The patient.</param>
/// <param name="VisitOccurrences">The patient's visits.</param>
/// <param name="ConditionOccurrences">The patient's conditions.</param>
/// <param name="DrugExposures">The patient's drug exposures.</param>
/// <param name="Notes">The patient's notes.</param>
public sealed record PatientRecord(
    Person Person,
    IReadOnlyList<VisitOccurrence> VisitOccurrences,
    IReadOnlyList<ConditionOccurrence> ConditionOccurrences,
    IReadOnlyList<DrugExposure> DrugExposures,
    IReadOnlyList<Note> Notes);
