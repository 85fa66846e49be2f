using System.Text.Json.Serialization;
using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr;

/// <summary>
/// The EHR contract's source-generated JSON: OMOP snake_case field names, nulls left out, and unknown
/// fields rejected (so a typo, or a name smuggled into a PERSON row, fails instead of vanishing).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(Person))]
[JsonSerializable(typeof(DrugExposure))]
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(VisitOccurrence))]
[JsonSerializable(typeof(ConditionOccurrence))]
[JsonSerializable(typeof(Admin))]
[JsonSerializable(typeof(Doctor))]
[JsonSerializable(typeof(RecordPage<Person>))]
[JsonSerializable(typeof(RecordPage<DrugExposure>))]
[JsonSerializable(typeof(RecordPage<Note>))]
[JsonSerializable(typeof(RecordPage<VisitOccurrence>))]
[JsonSerializable(typeof(RecordPage<ConditionOccurrence>))]
[JsonSerializable(typeof(RecordPage<Admin>))]
[JsonSerializable(typeof(RecordPage<Doctor>))]
[JsonSerializable(typeof(PatientRecord))]
[JsonSerializable(typeof(IReadOnlyList<RecordHistoryEntry>))]
[JsonSerializable(typeof(RecordCreatedEvent))]
[JsonSerializable(typeof(ValidationProblem))]
public sealed partial class EhrJsonContext : JsonSerializerContext;
