using System.Globalization;
using System.Text.Json;
using Ceiba.Chaincode.Ehr;
using Ceiba.LoadTests.Workloads.Clients;
using Ceiba.LoadTests.Workloads.Data;
using Ceiba.LoadTests.Workloads.Flows;

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

    /// <summary>What the setup did, for the workload's description and the observer's start block.</summary>
    public sealed record Result(int DoctorsCreated, int DoctorsPresent, int PatientsPreloaded, ulong LastBlock);

    /// <summary>The doctor account id and e-mail of a hospital on the gateway target.</summary>
    public static (string Id, string Email) DoctorAccount(HospitalInfo hospital)
    {
        ArgumentNullException.ThrowIfNull(hospital);
        return ($"doctor1.{hospital.Id}", hospital.Doctor.Name.ToLowerInvariant());
    }

    public static async Task<Result> RunAsync(IReadOnlyList<GatewayEhrClient> clients, FlowEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(environment);
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
        var lastBlock = 0UL;
        var preloaded = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, clients.Count * perHospital), parallel, async (n, token) =>
        {
            var block = await PreloadAsync(clients[n / perHospital], environment, SeededRandom.Randomizer(environment.Seed, n, PreloadStream), token).ConfigureAwait(false);
            InterlockedMax(ref lastBlock, block);
            Interlocked.Increment(ref preloaded);
        }).ConfigureAwait(false);
        return new Result(created, clients.Count - created, preloaded, lastBlock);
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

    /// <summary>One preloaded patient (person and first visit); answers the visit's block number.</summary>
    private static async Task<ulong> PreloadAsync(GatewayEhrClient client, FlowEnvironment environment, Bogus.Randomizer random, CancellationToken cancellationToken)
    {
        var (person, name) = OmopDataGenerator.Person(random, environment.Ids.Next(), client.Hospital);
        await SubmitAsync(client, EhrWrite.Of(person), cancellationToken).ConfigureAwait(false);
        environment.Patients.Add(new KnownPatient(person.PersonId, name, client.Hospital.Id));
        var visit = OmopDataGenerator.Visit(random, environment.Ids.Next(), person.PersonId);
        return await SubmitAsync(client, EhrWrite.Of(visit), cancellationToken).ConfigureAwait(false);
    }

    private static void InterlockedMax(ref ulong target, ulong value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
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
