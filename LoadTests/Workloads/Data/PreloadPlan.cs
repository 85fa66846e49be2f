namespace Ceiba.LoadTests.Workloads.Data;

/// <summary>
/// How much data a workload's setup puts on the ledger before the load: enough patients per hospital that reads and
/// history writes spread over several records (20), but no more than about 600 in all, so that a national topology
/// with 150 hospitals is ready in seconds (at least 3 per hospital). Setup transactions run concurrently, since each
/// waits for a block to be cut.
/// </summary>
internal static class PreloadPlan
{
    public const int MaxPatientsPerHospital = 20;
    public const int MinPatientsPerHospital = 3;
    public const int TotalPatients = 600;

    /// <summary>How many setup transactions run at once.</summary>
    public const int Concurrency = 128;

    public static int PatientsPerHospital(int hospitals) =>
        Math.Clamp(TotalPatients / Math.Max(1, hospitals), MinPatientsPerHospital, MaxPatientsPerHospital);
}
