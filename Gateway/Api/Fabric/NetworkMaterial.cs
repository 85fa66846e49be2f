namespace Ceiba.Gateway.Api.Fabric;

/// <summary>What the API needs from a generated network: its channels and, per org, peers, hospitals and identities.</summary>
/// <param name="Root">The output root the material was read from.</param>
/// <param name="Channels">The topology's channel names, first is the default.</param>
/// <param name="Orgs">The peer organizations, in topology order.</param>
public sealed record NetworkMaterial(string Root, IReadOnlyList<string> Channels, IReadOnlyList<OrgMaterial> Orgs)
{
    /// <summary>The org running <paramref name="hospitalId"/>, or null when no org has it.</summary>
    public OrgMaterial? OrgOfHospital(string hospitalId) =>
        Orgs.FirstOrDefault(org => org.Hospitals.Contains(hospitalId, StringComparer.Ordinal));
}

/// <summary>One peer organization (a province).</summary>
/// <param name="Name">The org name, e.g. <c>Habana</c>.</param>
/// <param name="MspId">The MSP ID.</param>
/// <param name="ProvinceCode">The two-digit province code.</param>
/// <param name="Peers">The org's peers, from its connection profile.</param>
/// <param name="Hospitals">The ids of the org's hospitals, in topology order.</param>
/// <param name="Identities">The org's hospital user identities, from the profile's <c>x-ceiba</c> list.</param>
public sealed record OrgMaterial(
    string Name,
    string MspId,
    string ProvinceCode,
    IReadOnlyList<PeerEndpoint> Peers,
    IReadOnlyList<string> Hospitals,
    IReadOnlyList<HospitalIdentity> Identities);

/// <summary>A peer's gRPC endpoint.</summary>
/// <param name="Address">host:port to dial.</param>
/// <param name="HostName">The name its TLS certificate carries (ssl-target-name-override).</param>
/// <param name="TlsCaPem">The org's TLS CA certificate; null for plaintext.</param>
public sealed record PeerEndpoint(string Address, string HostName, string? TlsCaPem);

/// <summary>A hospital user's identity in the generated material.</summary>
/// <param name="Name">e.g. <c>admin1.hab-ameijeiras@habana.ceiba.local</c>.</param>
/// <param name="MspId">Its MSP ID.</param>
/// <param name="Role">The certificate's <c>role</c> attribute: admin or doctor.</param>
/// <param name="Hospital">The certificate's <c>hospital</c> attribute.</param>
/// <param name="MspPath">Its MSP folder (signcerts/, keystore/).</param>
public sealed record HospitalIdentity(string Name, string MspId, string Role, string Hospital, string MspPath);
