namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>The flows of a workload, by the names scenarios use.</summary>
internal static class FlowCatalog
{
    /// <summary>The flow named <paramref name="name"/> over <paramref name="environment"/>, or null for an unknown name.</summary>
    public static Engine.IFlow? Create(string name, FlowEnvironment environment) => name switch
    {
        FlowNames.DoctorSession => new DoctorSessionFlow(environment),
        FlowNames.RegisterPatient => new RegisterPatientFlow(environment),
        FlowNames.BackfillHistory => new BackfillHistoryFlow(environment),
        FlowNames.ReadRecord => new ReadRecordFlow(environment),
        FlowNames.CreateNote => new CreateNoteFlow(environment),
        FlowNames.CreatePerson => new CreatePersonFlow(environment),
        _ => null,
    };
}
