using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.Data;

namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>
/// The thesis' typical session: the doctor logs in (the e-mail lookup), lists patients, opens one patient's record,
/// then adds a note (60%) or a drug exposure (40%). A failed step ends the session, as it would for a real user.
/// </summary>
internal sealed class DoctorSessionFlow(FlowEnvironment environment) : IFlow
{
    private const int PageSize = 20;

    public string Name => FlowNames.DoctorSession;

    public async Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = environment.ClientFor(context.Sequence);
        var random = environment.RandomFor(context.Sequence);
        var steps = new FlowSteps(context);
        if (!await client.LoginAsync(steps.Next(), cancellationToken).ConfigureAwait(false)
            || await client.ListPersonsAsync(PageSize, steps.Next(), cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        var patient = environment.PatientFor(client, context.Sequence);
        if (!await client.GetPatientRecordAsync(patient.PersonId, steps.Next(), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var write = random.Double() < 0.6
            ? EhrWrite.Of(OmopDataGenerator.Note(random, environment.Ids.Next(), patient.PersonId, visit: null))
            : EhrWrite.Of(OmopDataGenerator.Drug(random, environment.Ids.Next(), patient.PersonId, visit: null));
        await client.CreateAsync(write, steps.Next(), cancellationToken).ConfigureAwait(false);
    }
}
