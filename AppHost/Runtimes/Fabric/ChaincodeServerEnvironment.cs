using System.Globalization;
using Ceiba.Chaincode.Shim;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// The environment of an org's C# chaincode server when the <c>fabric</c> runtime runs the peers: it registers with
/// the package id the org installed and listens on all interfaces, so peer containers reach it through the host gateway.
/// </summary>
public static class ChaincodeServerEnvironment
{
    /// <summary>The environment for the server that <paramref name="package"/> points the org's peers at.</summary>
    public static IReadOnlyDictionary<string, string> For(CcaasPackageFile package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ChaincodeServerOptions.ChaincodeIdVariable] = package.PackageId,
            [ChaincodeServerOptions.AddressVariable] = $"0.0.0.0:{package.ServerPort.ToString(CultureInfo.InvariantCulture)}",
            // connection.json says tls_required: false; the peer-to-chaincode hop stays on the developer's machine.
            [ChaincodeServerOptions.TlsDisabledVariable] = "true",
        };
    }
}
