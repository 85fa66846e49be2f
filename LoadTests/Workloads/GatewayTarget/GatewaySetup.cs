using System.Globalization;
using System.Text.Json;
using Ceiba.Chaincode.Ehr;
using Ceiba.LoadTests.Workloads.Clients;
using Ceiba.LoadTests.Workloads.Data;
using Ceiba.LoadTests.Workloads.Flows;
using Ceiba.LoadTests.Workloads.Observers;

namespace Ceiba.LoadTests.Workloads.GatewayTarget;

using Ceiba.Gateway.Client;

/// <summary>
/// Prepares the ledger before the gateway target's load: each hospital's doctor account (created with the hospital's
/// admin identity when absent), and a few patients per hospital with a first visit, so that reads and history writes
/// have data from the first arrival. Nothing here is measured.
/// </summary>
internal static class GatewaySetup
{
    private const int DoctorStream = 10;
    private const int PreloadStream = 11;
    private const int VisitStream = 12;
    private static readonly TimeSpan ObserverReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>What the setup did, for the workload's description.</summary>
    public sealed record Result(int DoctorsCreated, int DoctorsPresent, int PatientsPreloaded);

    /// <summary>The doctor account id and e-mail of a hospital on the gateway target.</summary>
    public static (string Id, string Email) DoctorAccount(HospitalInfo hospital)
    {
        ArgumentNullException.ThrowIfNull(hospital);
        return ($"doctor1.{hospital.Id}", hospital.Doctor.Name.ToLowerInvariant());
    }

    /// <summary>
    /// Creates the doctor accounts, then the preloaded persons; starts <paramref name="observer"/> at the first person's
    /// block and waits until every peer holds the last one (the persons' visits, and later flows on any peer, refer to
    /// them); then writes each person's first visit.
    /// </summary>
    public static async Task<Result> RunAsync(
        IReadOnlyList<GatewayEhrClient> clients, FlowEnvironment environment, CommitThresholdObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(observer);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = PreloadPlan.Concurrency, CancellationToken = cancellationToken };
        var created = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, clients.Count), parallel, async (h, token) =>
        {
            if (await EnsureDoctorAsync(clients[h], SeededRandom.Randomizer(environment.Seed, h, DoctorStream), token).ConfigureAwait(false))
            {
                Interlocked.Increment(ref created);
            }
        }).ConfigureAwait(false);

        var perHospital = PreloadPlan.PatientsPerHospital(clients.Count);
        var persons = new (Chaincode.Ehr.Models.Person Person, string Name, ulong Block)[clients.Count * perHospital];
        await Parallel.ForEachAsync(Enumerable.Range(0, persons.Length), parallel, async (n, token) =>
        {
            var client = clients[n / perHospital];
            var (person, name) = OmopDataGenerator.Person(SeededRandom.Randomizer(environment.Seed, n, PreloadStream), environment.Ids.Next(), client.Hospital);
            persons[n] = (person, name, await SubmitAsync(client, EhrWrite.Of(person), token).ConfigureAwait(false));
        }).ConfigureAwait(false);

        await observer.StartAsync(persons.Min(p => p.Block), ObserverReadyTimeout, cancellationToken).ConfigureAwait(false);
        using (var everywhere = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            everywhere.CancelAfter(ObserverReadyTimeout);
            await observer.WaitForBlockEverywhereAsync(persons.Max(p => p.Block), everywhere.Token).ConfigureAwait(false);
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, persons.Length), parallel, async (n, token) =>
        {
            var client = clients[n / perHospital];
            var person = persons[n].Person;
            environment.Patients.Add(new KnownPatient(person.PersonId, persons[n].Name, client.Hospital.Id));
            var visit = OmopDataGenerator.Visit(SeededRandom.Randomizer(environment.Seed, n, VisitStream), environment.Ids.Next(), person.PersonId);
            await SubmitAsync(client, EhrWrite.Of(visit), token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return new Result(created, clients.Count - created, persons.Length);
    }

    /// <summary>Creates the hospital's doctor account unless it exists; true when it was created.</summary>
    private static async Task<bool> EnsureDoctorAsync(GatewayEhrClient client, Bogus.Randomizer random, CancellationToken cancellationToken)
    {
        var (id, email) = DoctorAccount(client.Hospital);
        try
        {
            await client.Admin.EvaluateTransactionAsync("GetDoctor", ProposalOptions.FromArguments(id), cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (GatewayException e) when (FailureClassifier.ChaincodeStatus(e) == 404)
        {
            // Absent: create it below.
        }

        // The gateway target never logs in with a password; the hash field is required, so it says so.
        var doctor = OmopDataGenerator.Doctor(random, id, email, "load-generator:no-password-login", client.Hospital);
        try
        {
            await client.Admin.SubmitTransactionAsync("CreateDoctor", ProposalOptions.FromArguments(JsonSerializer.Serialize(doctor, EhrJsonContext.Default.Doctor)), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (EndorseException e) when (FailureClassifier.ChaincodeStatus(e) == 409)
        {
            // The e-mail belongs to an account created by someone else (Gateway.Api, an earlier run): the login lookup finds it.
            return false;
        }
        catch (CommitException e) when (FailureClassifier.FromValidationCode(e.Code) == Engine.FailureKind.Mvcc)
        {
            // Another workload created the same account in the same block.
            return false;
        }
        catch (Exception e) when (e is GatewayException or CommitException)
        {
            throw new InvalidOperationException($"Setup: creating doctor account '{id}' for hospital {client.Hospital.Id} failed: {e.Message}", e);
        }
    }

    private static async Task<ulong> SubmitAsync(GatewayEhrClient client, EhrWrite write, CancellationToken cancellationToken)
    {
        try
        {
            var transaction = await client.Doctor.NewProposal(write.Function, ProposalOptions.FromArguments(write.Json)).EndorseAsync(cancellationToken).ConfigureAwait(false);
            var submitted = await transaction.SubmitAsync(cancellationToken).ConfigureAwait(false);
            var status = await submitted.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            return status.Successful
                ? status.BlockNumber
                : throw new InvalidOperationException($"Setup: {write.Function} for hospital {client.Hospital.Id} committed as {status.Code}.");
        }
        catch (GatewayException e)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"Setup: {write.Function} for hospital {client.Hospital.Id} failed: {e.Message}"), e);
        }
    }
}
