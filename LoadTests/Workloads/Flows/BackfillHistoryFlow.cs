using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.Data;

namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>
/// Bulk history for an existing patient, as when a hospital loads its paper records: two to four visits, each
/// followed by one or two diagnoses, up to two drug exposures and a note that point to it. Records of a visit are
/// written only once the visit committed, since the chaincode refuses a reference to a missing visit.
/// </summary>
internal sealed class BackfillHistoryFlow(FlowEnvironment environment) : IFlow
{
    public string Name => FlowNames.BackfillHistory;

    public async Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = environment.ClientFor(context.Sequence);
        var random = environment.RandomFor(context.Sequence);
        var steps = new FlowSteps(context);
        var patient = environment.PatientFor(client, context.Sequence);
        long? previous = null;
        for (var v = random.Int(2, 4); v > 0; v--)
        {
            var visit = OmopDataGenerator.Visit(random, environment.Ids.Next(), patient.PersonId, previous);
            if (!await client.CreateAsync(EhrWrite.Of(visit), steps.Next(), cancellationToken, prerequisite: true).ConfigureAwait(false))
            {
                continue;
            }

            previous = visit.VisitOccurrenceId;
            var writes = new List<EhrWrite>();
            for (var c = random.Int(1, 2); c > 0; c--)
            {
                writes.Add(EhrWrite.Of(OmopDataGenerator.Condition(random, environment.Ids.Next(), patient.PersonId, visit)));
            }

            for (var d = random.Int(0, 2); d > 0; d--)
            {
                writes.Add(EhrWrite.Of(OmopDataGenerator.Drug(random, environment.Ids.Next(), patient.PersonId, visit)));
            }

            writes.Add(EhrWrite.Of(OmopDataGenerator.Note(random, environment.Ids.Next(), patient.PersonId, visit)));
            foreach (var write in writes)
            {
                await client.CreateAsync(write, steps.Next(), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
