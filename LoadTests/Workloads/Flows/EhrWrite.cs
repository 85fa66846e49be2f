using System.Text.Json;
using Ceiba.Chaincode.Ehr;
using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>One clinical record to create: the chaincode function, the matching Gateway.Api route, and the record's snake_case JSON.</summary>
/// <param name="Function">The chaincode function, e.g. <c>CreateNote</c>.</param>
/// <param name="Route">The Gateway.Api collection, e.g. <c>/api/notes</c>.</param>
/// <param name="Json">The record, serialized with the chaincode's own JSON context.</param>
internal sealed record EhrWrite(string Function, string Route, string Json)
{
    public static EhrWrite Of(Person person) => new("CreatePerson", "/api/persons", JsonSerializer.Serialize(person, EhrJsonContext.Default.Person));

    public static EhrWrite Of(VisitOccurrence visit) =>
        new("CreateVisitOccurrence", "/api/visits", JsonSerializer.Serialize(visit, EhrJsonContext.Default.VisitOccurrence));

    public static EhrWrite Of(ConditionOccurrence condition) =>
        new("CreateConditionOccurrence", "/api/conditions", JsonSerializer.Serialize(condition, EhrJsonContext.Default.ConditionOccurrence));

    public static EhrWrite Of(DrugExposure drug) =>
        new("CreateDrugExposure", "/api/drug-exposures", JsonSerializer.Serialize(drug, EhrJsonContext.Default.DrugExposure));

    public static EhrWrite Of(Note note) => new("CreateNote", "/api/notes", JsonSerializer.Serialize(note, EhrJsonContext.Default.Note));
}
