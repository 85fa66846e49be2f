using Ceiba.Chaincode.Shim;

namespace Ceiba.Chaincode.Ehr.Access;

/// <summary>Who submitted the transaction, as the access rules see it: read from the client certificate.</summary>
/// <param name="MspId">The MSP of the caller's organization.</param>
/// <param name="Role">The <c>role</c> attribute, or null when the certificate has none.</param>
/// <param name="Hospital">The <c>hospital</c> attribute, or null.</param>
/// <param name="Province">The <c>province</c> attribute, or null.</param>
public sealed record Caller(string MspId, string? Role, string? Hospital, string? Province)
{
    /// <summary>Reads the caller from a client identity.</summary>
    /// <param name="identity">The client identity.</param>
    /// <returns>The caller.</returns>
    public static Caller From(ClientIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new Caller(
            identity.MspId,
            identity.GetAttributeValue(RoleNames.Attribute),
            identity.GetAttributeValue(RoleNames.HospitalAttribute),
            identity.GetAttributeValue(RoleNames.ProvinceAttribute));
    }

    /// <summary>Whether the caller holds the role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>True when the <c>role</c> attribute is exactly the role's value.</returns>
    public bool Has(Role role) => string.Equals(Role, RoleNames.ValueOf(role), StringComparison.Ordinal);
}
