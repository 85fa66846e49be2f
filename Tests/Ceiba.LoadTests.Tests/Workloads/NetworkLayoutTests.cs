using Ceiba.LoadTests.Workloads;
using Ceiba.LoadTests.Workloads.Clients;
using Ceiba.Network.Topology.Generation;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>The workloads read the real output of <c>network generate</c>: topology.json and the connection profiles.</summary>
public sealed class NetworkLayoutTests
{
    [Fact]
    public void Cuba_national_gives_one_client_per_hospital_with_its_doctor_and_admin_identities_in_16_provinces()
    {
        // Arrange
        var directory = Directory.CreateTempSubdirectory("ceiba-layout-national-").FullName;
        try
        {
            NetworkGenerator.Generate("cuba-national", directory, new GenerationOptions { TlsEnabled = true });

            // Act
            var layout = NetworkLayout.Load(directory);

            // Assert
            Assert.Equal(("ehr", "ehr"), (layout.Channel, layout.Chaincode));
            Assert.Equal(16, layout.Orgs.Select(o => o.ProvinceCode).Distinct().Count());
            Assert.True(layout.Hospitals.Count >= 100, $"{layout.Hospitals.Count} hospitals");
            Assert.Equal(layout.Hospitals.Count, layout.Hospitals.Select(h => h.Id).Distinct().Count());
            Assert.All(layout.Hospitals, h =>
            {
                Assert.StartsWith($"doctor1.{h.Id}@", h.Doctor.Name, StringComparison.Ordinal);
                Assert.StartsWith($"admin1.{h.Id}@", h.Admin.Name, StringComparison.Ordinal);
                Assert.True(File.Exists(h.Doctor.CertificatePath) && File.Exists(h.Doctor.PrivateKeyPath));
                Assert.Equal(h.Org.MspId, h.Doctor.MspId);
            });
            Assert.All(layout.Orgs, o => Assert.All(o.Peers, p =>
            {
                Assert.Equal("grpcs", p.Address.Scheme);
                Assert.Contains("BEGIN CERTIFICATE", p.TlsCaPem, StringComparison.Ordinal);
                Assert.EndsWith(o.Domain, p.HostName, StringComparison.Ordinal);
            }));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_directory_that_is_not_generated_output_is_a_clear_error()
    {
        // Arrange
        var directory = Directory.CreateTempSubdirectory("ceiba-layout-empty-").FullName;
        try
        {
            // Act
            var error = Assert.Throws<InvalidDataException>(() => NetworkLayout.Load(directory));

            // Assert
            Assert.Contains("topology.json: not found", error.Message, StringComparison.Ordinal);
            Assert.Contains("network generate", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
