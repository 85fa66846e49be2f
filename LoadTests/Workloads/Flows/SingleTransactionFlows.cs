using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.Data;

namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>One GetPatientRecord of a known patient: the read-only throughput flow.</summary>
internal sealed class ReadRecordFlow(FlowEnvironment environment) : IFlow
{
    public string Name => FlowNames.ReadRecord;

    public Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = environment.ClientFor(context.Sequence);
        var patient = environment.PatientFor(client, context.Sequence);
        return client.GetPatientRecordAsync(patient.PersonId, new FlowSteps(context).Next(), cancellationToken);
    }
}

/// <summary>One CreateNote for a known patient: the write throughput flow with realistic payload sizes.</summary>
internal sealed class CreateNoteFlow(FlowEnvironment environment) : IFlow
{
    public string Name => FlowNames.CreateNote;

    public Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = environment.ClientFor(context.Sequence);
        var patient = environment.PatientFor(client, context.Sequence);
        var note = OmopDataGenerator.Note(environment.RandomFor(context.Sequence), environment.Ids.Next(), patient.PersonId, visit: null);
        return client.CreateAsync(EhrWrite.Of(note), new FlowSteps(context).Next(), cancellationToken);
    }
}

/// <summary>One CreatePerson: the smallest write, for raw throughput runs.</summary>
internal sealed class CreatePersonFlow(FlowEnvironment environment) : IFlow
{
    public string Name => FlowNames.CreatePerson;

    public async Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = environment.ClientFor(context.Sequence);
        var (person, name) = OmopDataGenerator.Person(environment.RandomFor(context.Sequence), environment.Ids.Next(), client.Hospital);
        if (await client.CreateAsync(EhrWrite.Of(person), new FlowSteps(context).Next(), cancellationToken, prerequisite: true).ConfigureAwait(false))
        {
            environment.Patients.Add(new KnownPatient(person.PersonId, name, client.Hospital.Id));
        }
    }
}
