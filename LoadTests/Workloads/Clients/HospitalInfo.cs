namespace Ceiba.LoadTests.Workloads.Clients;

/// <summary>One hospital of the topology: a load client with its own identities, in its org's province.</summary>
/// <param name="Id">The hospital id from the topology, e.g. <c>hab-ameijeiras</c>.</param>
/// <param name="Name">Its full name.</param>
/// <param name="Org">The organization (province) it belongs to.</param>
/// <param name="Doctor">The identity that signs clinical transactions: <c>doctor1.&lt;hospital&gt;@&lt;domain&gt;</c>.</param>
/// <param name="Admin">The identity that signs account transactions and login lookups: <c>admin1.&lt;hospital&gt;@&lt;domain&gt;</c>.</param>
internal sealed record HospitalInfo(string Id, string Name, OrgInfo Org, IdentityFiles Doctor, IdentityFiles Admin)
{
    public string Province => Org.ProvinceCode;
}

/// <summary>A peer organization: one province.</summary>
/// <param name="Name">The org name, e.g. <c>Habana</c>.</param>
/// <param name="MspId">Its MSP id.</param>
/// <param name="Domain">Its domain, e.g. <c>habana.ceiba.local</c>.</param>
/// <param name="ProvinceCode">The two-digit province code.</param>
/// <param name="ProvinceName">The province name.</param>
/// <param name="Peers">Its peers.</param>
/// <param name="OrgAdmin">The org's admin identity (<c>Admin@&lt;domain&gt;</c>), used to read block events.</param>
internal sealed record OrgInfo(string Name, string MspId, string Domain, string ProvinceCode, string ProvinceName, IReadOnlyList<PeerEndpoint> Peers, IdentityFiles OrgAdmin);

/// <summary>A peer's gRPC endpoint.</summary>
/// <param name="HostName">The TLS host name its certificate carries.</param>
/// <param name="Address">The URL clients dial, e.g. <c>grpcs://localhost:7051</c>.</param>
/// <param name="TlsCaPem">The org's TLS CA certificate (PEM), or null for plaintext.</param>
internal sealed record PeerEndpoint(string HostName, Uri Address, string? TlsCaPem);

/// <summary>A client identity's files, from the connection profile's <c>x-ceiba</c> identity list.</summary>
internal sealed record IdentityFiles(string Name, string MspId, string CertificatePath, string PrivateKeyPath);
