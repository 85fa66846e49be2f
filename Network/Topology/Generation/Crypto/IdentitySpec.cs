using Ceiba.Network.Msp;

namespace Ceiba.Network.Topology.Generation.Crypto;

/// <summary>One identity to enroll offline: a node (peer, orderer) or a user (admin, hospital staff).</summary>
/// <param name="Name">The certificate's common name and folder name, e.g. <c>peer0.habana.ceiba.local</c> or <c>Admin@habana.ceiba.local</c>.</param>
/// <param name="LocalName">The name within the org's domain, e.g. <c>peer0</c> or <c>Admin</c>.</param>
/// <param name="Role">The NodeOU role in the certificate's OU.</param>
/// <param name="IsNode">Nodes live under <c>peers/</c> or <c>orderers/</c> and get a TLS server certificate; users a TLS client certificate.</param>
/// <param name="Attributes">Fabric CA attributes (<c>role</c>, <c>hospital</c>, <c>province</c>) carried in the certificate.</param>
public sealed record IdentitySpec(string Name, string LocalName, NodeOURole Role, bool IsNode, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The Ceiba application role attribute (<c>admin</c> or <c>doctor</c>), if any.</summary>
    public string? AppRole => Attributes.GetValueOrDefault(CeibaAttributes.Role);

    /// <summary>The hospital attribute, if any.</summary>
    public string? Hospital => Attributes.GetValueOrDefault(CeibaAttributes.Hospital);
}

/// <summary>The Fabric CA attribute names the EHR chaincode reads.</summary>
public static class CeibaAttributes
{
    public const string Role = "role";
    public const string Hospital = "hospital";
    public const string Province = "province";
    public const string AdminRole = "admin";
    public const string DoctorRole = "doctor";
}
