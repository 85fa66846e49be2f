using Ceiba.LoadTests.Workloads;
using Ceiba.LoadTests.Workloads.Data;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>The workload's patient index: per hospital, deterministic picks, bounded memory.</summary>
public sealed class PatientIndexTests
{
    [Fact]
    public void Picks_come_from_the_hospitals_own_patients()
    {
        // Arrange
        var index = new PatientIndex();
        index.Add(new KnownPatient(1, "Ana Pérez López", "hab-a"));
        index.Add(new KnownPatient(2, "Luis Díaz Ruiz", "hab-a"));
        index.Add(new KnownPatient(3, "Eva Soto Gil", "vcl-b"));

        // Act
        var picks = new[] { 0.0, 0.49, 0.5, 0.99 }.Select(u => index.Pick("hab-a", u)!.PersonId).ToList();

        // Assert
        Assert.Equal([1L, 1, 2, 2], picks);
        Assert.Equal(3, index.Pick("vcl-b", 0.7)!.PersonId);
        Assert.Null(index.Pick("scu-c", 0.5));
    }

    [Fact]
    public void Past_the_cap_a_new_patient_replaces_the_oldest_one()
    {
        // Arrange
        var index = new PatientIndex();
        for (var id = 1; id <= PatientIndex.MaxPerHospital; id++)
        {
            index.Add(new KnownPatient(id, "x", "hab-a"));
        }

        // Act
        index.Add(new KnownPatient(PatientIndex.MaxPerHospital + 1, "y", "hab-a"));

        // Assert
        Assert.Equal(PatientIndex.MaxPerHospital, index.CountOf("hab-a"));
        Assert.Equal(PatientIndex.MaxPerHospital + 1, index.Pick("hab-a", 0)!.PersonId);
        Assert.Equal(2, index.Pick("hab-a", 1.0 / PatientIndex.MaxPerHospital)!.PersonId);
    }
}
