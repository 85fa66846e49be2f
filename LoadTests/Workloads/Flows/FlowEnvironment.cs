using Bogus;
using Ceiba.LoadTests.Workloads.Data;

namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>
/// What every flow of a workload shares: the hospital clients of the target, the known patients, the run's id
/// allocator and the scenario seed. Which hospital serves an arrival, and the data it sends, depend only on the seed
/// and the arrival's sequence number.
/// </summary>
internal sealed class FlowEnvironment
{
    private const int HospitalStream = 1;
    private const int DataStream = 2;
    private const int PatientStream = 3;

    public FlowEnvironment(int seed, IReadOnlyList<IEhrClient> clients, PatientIndex patients, IdAllocator ids)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(patients);
        ArgumentNullException.ThrowIfNull(ids);
        if (clients.Count == 0)
        {
            throw new ArgumentException("A workload needs at least one hospital client.", nameof(clients));
        }

        Seed = seed;
        Clients = clients;
        Patients = patients;
        Ids = ids;
    }

    public int Seed { get; }

    public IReadOnlyList<IEhrClient> Clients { get; }

    public PatientIndex Patients { get; }

    public IdAllocator Ids { get; }

    /// <summary>The hospital that serves arrival <paramref name="sequence"/> (uniform over the topology's hospitals).</summary>
    public IEhrClient ClientFor(long sequence) =>
        Clients[Math.Min(Clients.Count - 1, (int)(SeededRandom.Unit(Seed, sequence, HospitalStream) * Clients.Count))];

    /// <summary>The data stream of arrival <paramref name="sequence"/>.</summary>
    public Randomizer RandomFor(long sequence) => SeededRandom.Randomizer(Seed, sequence, DataStream);

    /// <summary>A patient of <paramref name="client"/>'s hospital for arrival <paramref name="sequence"/>.</summary>
    /// <exception cref="InvalidOperationException">The hospital has no patient; the workload's setup preloads some, so this is a bug.</exception>
    public KnownPatient PatientFor(IEhrClient client, long sequence) =>
        Patients.Pick(client.Hospital.Id, SeededRandom.Unit(Seed, sequence, PatientStream))
        ?? throw new InvalidOperationException($"Hospital {client.Hospital.Id} has no known patient; the workload setup should have preloaded some.");
}
