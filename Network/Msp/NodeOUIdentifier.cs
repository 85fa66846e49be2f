using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp;

/// <summary>
/// One NodeOU of an MSP's config: the OU name a role's certificates carry and, optionally, the CA
/// (root or intermediate) that must certify them.
/// </summary>
/// <param name="OrganizationalUnit">The OU value, e.g. <c>peer</c>.</param>
/// <param name="Certificate">The CA that must be in the identity's chain; null for any CA of the MSP.</param>
public sealed record NodeOUIdentifier(string OrganizationalUnit, X509Certificate2? Certificate = null);
