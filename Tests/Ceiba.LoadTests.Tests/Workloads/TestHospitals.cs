using Ceiba.LoadTests.Workloads;
using Ceiba.LoadTests.Workloads.Clients;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>Hospital descriptions for tests that need no network.</summary>
internal static class TestHospitals
{
    public static HospitalInfo Ameijeiras { get; } = Create("hab-ameijeiras", "03");

    public static HospitalInfo Create(string id, string province)
    {
        var files = new IdentityFiles($"doctor1.{id}@test.ceiba.local", "TestMSP", "cert.pem", "key.pem");
        var org = new OrgInfo("Test", "TestMSP", "test.ceiba.local", province, "Test", [], files);
        return new HospitalInfo(id, id, org, files, files with { Name = $"admin1.{id}@test.ceiba.local" });
    }
}
