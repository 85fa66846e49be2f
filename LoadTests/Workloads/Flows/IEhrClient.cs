namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>
/// A hospital's doctor at work, over one target (Fabric through the Gateway client, or Gateway.Api over HTTP). Each
/// call is one transaction: it reports one <see cref="Engine.TransactionSample"/> to the step's sink and answers
/// null or false when the transaction failed; it throws only <see cref="OperationCanceledException"/> when the run is cancelled.
/// </summary>
internal interface IEhrClient
{
    Clients.HospitalInfo Hospital { get; }

    /// <summary>The login lookup: <c>GetDoctorByEmail</c> on the gateway target, <c>POST /api/auth/login</c> over HTTP.</summary>
    Task<bool> LoginAsync(StepTiming step, CancellationToken cancellationToken);

    /// <summary>One page of patients; their ids, or null on failure.</summary>
    Task<IReadOnlyList<long>?> ListPersonsAsync(int pageSize, StepTiming step, CancellationToken cancellationToken);

    /// <summary>A patient's full record; true when it was read.</summary>
    Task<bool> GetPatientRecordAsync(long personId, StepTiming step, CancellationToken cancellationToken);

    /// <summary>Creates one record; true when it committed VALID (gateway) or the API answered 2xx (HTTP).</summary>
    /// <param name="write">The record.</param>
    /// <param name="step">Where to report, and from when latency counts.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="prerequisite">
    /// Later writes refer to this record: on the gateway target, return only once every peer holds it (bounded by the
    /// transaction timeout, and not part of the reported latency), since their endorsement may run on a peer that lags.
    /// </param>
    Task<bool> CreateAsync(EhrWrite write, StepTiming step, CancellationToken cancellationToken, bool prerequisite = false);
}
