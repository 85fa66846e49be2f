using System.Diagnostics;
using Ceiba.Network.Msp;
using Ceiba.Network.Topology.Generation.Crypto;

namespace Ceiba.Network.Node.Tests.Generate;

public class CryptoMaterialTests(GeneratedNetworkFixture network) : IClassFixture<GeneratedNetworkFixture>
{
    [Fact]
    public async Task Openssl_accepts_every_node_and_user_certificate_against_its_orgs_CA()
    {
        // Arrange
        var orgDirectories = Directory.GetDirectories(network.Full("organizations"), "*", SearchOption.TopDirectoryOnly)
            .SelectMany(kind => Directory.GetDirectories(kind)).ToList();
        var checkedCertificates = 0;

        foreach (var org in orgDirectories)
        {
            var domain = Path.GetFileName(org);
            var ca = Path.Combine(org, "ca", $"ca.{domain}-cert.pem");
            var tlsCa = Path.Combine(org, "tlsca", $"tlsca.{domain}-cert.pem");
            var signCerts = Directory.GetFiles(org, "*-cert.pem", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}signcerts{Path.DirectorySeparatorChar}")).ToList();
            var tlsCerts = Directory.GetFiles(org, "*.crt", SearchOption.AllDirectories).Where(f => !f.EndsWith("ca.crt", StringComparison.Ordinal)).ToList();

            // Act
            var signResult = await OpensslVerifyAsync(ca, signCerts);
            var tlsResult = await OpensslVerifyAsync(tlsCa, tlsCerts);

            // Assert
            Assert.True(signResult.ExitCode == 0, signResult.Output);
            Assert.True(tlsResult.ExitCode == 0, tlsResult.Output);
            Assert.Equal(signCerts.Count + tlsCerts.Count, (signResult.Output + tlsResult.Output).Split('\n').Count(l => l.EndsWith(": OK", StringComparison.Ordinal)));
            checkedCertificates += signCerts.Count + tlsCerts.Count;
        }

        // cuba-3: 3 orgs x (1 peer + 1 admin + 2 hospitals x (1 admin + 2 doctors)) + orderer org (3 orderers + admin), each with a sign and a TLS cert, plus 3 CA TLS certs.
        Assert.Equal(2 * (3 * (1 + 1 + 2 * 3) + 3 + 1) + 3, checkedCertificates);
    }

    [Fact]
    public void Hospital_users_carry_role_hospital_and_province_attributes_and_validate_against_the_org_msp()
    {
        // Arrange
        var org = network.Topology.Orgs[0];
        var hospital = org.Hospitals[0];
        var userName = TopologyIdentities.HospitalUserName(CeibaAttributes.DoctorRole, 1, hospital.Id, org.Domain);
        var userMsp = network.Full(Path.Combine("organizations", "peerOrganizations", org.Domain, "users", userName, "msp"));
        var msp = MembershipServiceProvider.FromFolder(network.Full(Path.Combine("organizations", "peerOrganizations", org.Domain, "msp")), org.MspId);

        // Act
        using var signing = SigningIdentity.FromMspFolder(userMsp, org.MspId);
        var validation = msp.Validate(signing.Serialized.Span);
        var attributes = FabricAttributes.FromCertificate(signing.Certificate);

        // Assert
        Assert.True(validation.IsValid, validation.Reason);
        Assert.Equal("doctor", attributes["role"]);
        Assert.Equal(hospital.Id, attributes["hospital"]);
        Assert.Equal(org.Province.Code, attributes["province"]);
        Assert.Contains("OU=client", signing.Certificate.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_peer_of_one_org_is_not_a_member_of_another_orgs_msp()
    {
        // Arrange
        var habana = network.Topology.Orgs[0];
        var santiago = network.Topology.Orgs[2];
        var peerMsp = network.Full(Path.Combine("organizations", "peerOrganizations", habana.Domain, "peers", habana.HostNameOf(habana.Peers[0]), "msp"));
        var santiagoMsp = MembershipServiceProvider.FromFolder(network.Full(Path.Combine("organizations", "peerOrganizations", santiago.Domain, "msp")), santiago.MspId);

        // Act
        using var peer = SigningIdentity.FromMspFolder(peerMsp, santiago.MspId);
        var validation = santiagoMsp.Validate(peer.Serialized.Span);

        // Assert
        Assert.False(validation.IsValid);
        Assert.Equal(IdentityValidationError.NotIssuedByMsp, validation.Error);
    }

    private static async Task<(int ExitCode, string Output)> OpensslVerifyAsync(string caFile, IReadOnlyList<string> certificates)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["verify", "-CAfile", caFile, .. certificates])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl could not be started; it is needed to check the generated certificates.");
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output + error);
    }
}
