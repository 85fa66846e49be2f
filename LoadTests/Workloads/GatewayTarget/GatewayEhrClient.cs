using System.Globalization;
using System.Text.Json;
using Ceiba.Chaincode.Ehr;
using Ceiba.LoadTests.Workloads.Clients;
using Ceiba.LoadTests.Workloads.Flows;

namespace Ceiba.LoadTests.Workloads.GatewayTarget;

using Ceiba.Gateway.Client;

/// <summary>
/// A hospital as a Gateway client: clinical transactions signed by its doctor identity, the login lookup by its admin
/// identity (<c>GetDoctorByEmail</c> needs role admin, as in Gateway.Api), both through its own province's peer.
/// </summary>
/// <param name="hospital">The hospital.</param>
/// <param name="doctor">The chaincode as the hospital's doctor.</param>
/// <param name="admin">The chaincode as the hospital's admin.</param>
/// <param name="doctorEmail">The e-mail of the hospital's doctor account on the ledger.</param>
/// <param name="transactions">Runs and reports the transactions.</param>
/// <param name="visibility">Waits until every peer has a block, for prerequisite writes; null when there is no observer.</param>
internal sealed class GatewayEhrClient(
    HospitalInfo hospital, Contract doctor, Contract admin, string doctorEmail, GatewayTransactions transactions, Observers.CommitThresholdObserver? visibility) : IEhrClient
{
    public HospitalInfo Hospital => hospital;

    public Contract Doctor => doctor;

    public Contract Admin => admin;

    public async Task<bool> LoginAsync(StepTiming step, CancellationToken cancellationToken) =>
        (await transactions.EvaluateAsync(admin, "GetDoctorByEmail", hospital.Province, step, cancellationToken, doctorEmail).ConfigureAwait(false)).Succeeded;

    public async Task<IReadOnlyList<long>?> ListPersonsAsync(int pageSize, StepTiming step, CancellationToken cancellationToken)
    {
        var outcome = await transactions.EvaluateAsync(doctor, "ListPersons", hospital.Province, step, cancellationToken,
            pageSize.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        return outcome.Succeeded
            ? [.. (JsonSerializer.Deserialize(outcome.Result!, EhrJsonContext.Default.RecordPagePerson)?.Records ?? []).Select(p => p.PersonId)]
            : null;
    }

    public async Task<bool> GetPatientRecordAsync(long personId, StepTiming step, CancellationToken cancellationToken) =>
        (await transactions.EvaluateAsync(doctor, "GetPatientRecord", hospital.Province, step, cancellationToken,
            personId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false)).Succeeded;

    public async Task<bool> CreateAsync(EhrWrite write, StepTiming step, CancellationToken cancellationToken, bool prerequisite = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        var outcome = await transactions.SubmitAsync(doctor, write.Function, hospital.Province, step, cancellationToken, write.Json).ConfigureAwait(false);
        if (outcome is { Succeeded: true, BlockNumber: { } block } && prerequisite && visibility is not null)
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(transactions.TransactionTimeout);
            try
            {
                await visibility.WaitForBlockEverywhereAsync(block, bounded.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A peer still lags: the dependent write goes ahead and reports what it meets.
            }
        }

        return outcome.Succeeded;
    }
}
