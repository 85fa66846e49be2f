namespace Ceiba.LoadTests.Workloads.Data;

/// <summary>A patient the workload knows is on the ledger, with the Spanish name that stays in memory only.</summary>
internal sealed record KnownPatient(long PersonId, string DisplayName, string HospitalId);

/// <summary>
/// The patients each hospital has on the ledger (preloaded, or registered during the run once their commit was VALID),
/// so that reads and history writes target records that exist. Thread-safe. Memory is bounded: past
/// <see cref="MaxPerHospital"/> patients a hospital's list becomes a ring, and a new patient replaces the oldest
/// registered one (the records stay on the ledger; the workload just stops choosing them).
/// </summary>
internal sealed class PatientIndex
{
    public const int MaxPerHospital = 10_000;

    private readonly Dictionary<string, List<KnownPatient>> _byHospital = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _added = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How many patients are known across every hospital.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byHospital.Values.Sum(l => l.Count);
            }
        }
    }

    public void Add(KnownPatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        lock (_lock)
        {
            if (!_byHospital.TryGetValue(patient.HospitalId, out var list))
            {
                _byHospital[patient.HospitalId] = list = [];
            }

            var added = _added.GetValueOrDefault(patient.HospitalId);
            _added[patient.HospitalId] = added + 1;
            if (list.Count < MaxPerHospital)
            {
                list.Add(patient);
            }
            else
            {
                list[added % MaxPerHospital] = patient;
            }
        }
    }

    /// <summary>How many patients <paramref name="hospitalId"/> has.</summary>
    public int CountOf(string hospitalId)
    {
        lock (_lock)
        {
            return _byHospital.TryGetValue(hospitalId, out var list) ? list.Count : 0;
        }
    }

    /// <summary>A patient of <paramref name="hospitalId"/> chosen by <paramref name="unit"/> in [0, 1), or null when it has none.</summary>
    public KnownPatient? Pick(string hospitalId, double unit)
    {
        lock (_lock)
        {
            return _byHospital.TryGetValue(hospitalId, out var list) && list.Count > 0
                ? list[Math.Min(list.Count - 1, (int)(unit * list.Count))]
                : null;
        }
    }
}
