using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.Data;

namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>A new patient at a hospital: CreatePerson, then (once it committed) the visit that brought them in.</summary>
internal sealed class RegisterPatientFlow(FlowEnvironment environment) : IFlow
{
    public string Name => FlowNames.RegisterPatient;

    public async Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = environment.ClientFor(context.Sequence);
        var random = environment.RandomFor(context.Sequence);
        var steps = new FlowSteps(context);
        var (person, name) = OmopDataGenerator.Person(random, environment.Ids.Next(), client.Hospital);
        if (!await client.CreateAsync(EhrWrite.Of(person), steps.Next(), cancellationToken, prerequisite: true).ConfigureAwait(false))
        {
            return;
        }

        environment.Patients.Add(new KnownPatient(person.PersonId, name, client.Hospital.Id));
        var visit = OmopDataGenerator.Visit(random, environment.Ids.Next(), person.PersonId);
        await client.CreateAsync(EhrWrite.Of(visit), steps.Next(), cancellationToken).ConfigureAwait(false);
    }
}
