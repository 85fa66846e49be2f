using System.Diagnostics;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.Flows;
using Ceiba.LoadTests.Workloads.Observers;

namespace Ceiba.LoadTests.Workloads.GatewayTarget;

using Ceiba.Gateway.Client;

/// <summary>
/// Runs single transactions through the Gateway client and reports each as one <see cref="TransactionSample"/>:
/// writes with the staged API (endorse → submit → commit status, each stage timed, never retried), reads with
/// Evaluate. A transaction that outlives <paramref name="transactionTimeout"/> is abandoned and counted as a timeout.
/// </summary>
/// <param name="transactionTimeout">The scenario's per-transaction timeout.</param>
/// <param name="observer">The commit@threshold observer that writes are registered with before submit, or null.</param>
internal sealed class GatewayTransactions(TimeSpan transactionTimeout, CommitThresholdObserver? observer)
{
    /// <summary>The scenario's per-transaction timeout.</summary>
    public TimeSpan TransactionTimeout => transactionTimeout;

    /// <summary>
    /// The outcome of one transaction: the result payload of a successful evaluation. A write's result is not read: no
    /// flow needs it, and reading it means parsing the whole prepared transaction (a tenth of the generator's allocations).
    /// </summary>
    public readonly record struct Outcome(bool Succeeded, byte[]? Result, string? TxId, ulong? BlockNumber = null);

    /// <summary>Endorses, submits and waits for the commit status of <paramref name="function"/>.</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<Outcome> SubmitAsync(Contract contract, string function, string province, StepTiming step, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = Stopwatch.GetTimestamp();
        var intended = step.IntendedOr(start);
        var proposal = contract.NewProposal(function, ProposalOptions.FromArguments(arguments));
        var txId = proposal.TransactionId;
        TimeSpan? endorse = null, submit = null, commit = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(transactionTimeout);
        try
        {
            var transaction = await proposal.EndorseAsync(timeout.Token).ConfigureAwait(false);
            endorse = transaction.Timings.Endorse;
            observer?.Register(txId, function, province, intended);
            var submitted = await transaction.SubmitAsync(timeout.Token).ConfigureAwait(false);
            submit = submitted.Timings.Submit;
            var status = await submitted.GetStatusAsync(timeout.Token).ConfigureAwait(false);
            commit = submitted.Timings.CommitStatus;
            var failure = FailureClassifier.FromValidationCode(status.Code);
            if (failure != FailureKind.None)
            {
                observer?.Forget(txId);
            }

            step.Metrics.Record(new TransactionSample(function, province, true, intended, start, Stopwatch.GetTimestamp(), endorse, submit, commit, failure, txId,
                failure == FailureKind.None ? null : $"committed as {status.Code} in block {status.BlockNumber}"));
            return new Outcome(failure == FailureKind.None, null, txId, status.BlockNumber);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            observer?.Forget(txId);
            var failure = timeout.IsCancellationRequested ? FailureKind.Timeout : FailureClassifier.FromException(e);
            step.Metrics.Record(new TransactionSample(function, province, true, intended, start, Stopwatch.GetTimestamp(), endorse, submit, commit, failure, txId, Short(e)));
            return new Outcome(false, null, txId);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            observer?.Forget(txId);
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>Evaluates <paramref name="function"/> on the client's peer.</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<Outcome> EvaluateAsync(Contract contract, string function, string province, StepTiming step, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = Stopwatch.GetTimestamp();
        var intended = step.IntendedOr(start);
        var proposal = contract.NewProposal(function, ProposalOptions.FromArguments(arguments));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(transactionTimeout);
        try
        {
            var result = await proposal.EvaluateAsync(timeout.Token).ConfigureAwait(false);
            step.Metrics.Record(new TransactionSample(function, province, false, intended, start, Stopwatch.GetTimestamp(), null, null, null, FailureKind.None, proposal.TransactionId));
            return new Outcome(true, result, proposal.TransactionId);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            var failure = timeout.IsCancellationRequested ? FailureKind.Timeout : FailureClassifier.FromException(e);
            step.Metrics.Record(new TransactionSample(function, province, false, intended, start, Stopwatch.GetTimestamp(), null, null, null, failure, proposal.TransactionId, Short(e)));
            return new Outcome(false, null, proposal.TransactionId);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static string Short(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        return message.Length <= 300 ? message : message[..300] + "…";
    }
}
