namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// One organization's chaincode-as-a-service install package, written by <see cref="CcaasPackages"/>. Each org runs
/// its own chaincode server, so each org's <c>connection.json</c> (and so its package and package id) differs; the
/// chaincode definition all orgs approve is the same.
/// </summary>
/// <param name="Chaincode">The chaincode name, e.g. <c>ehr</c>.</param>
/// <param name="Channel">The channel the chaincode is defined on.</param>
/// <param name="Org">The organization that installs this package on its peers.</param>
/// <param name="MspId">The organization's MSP ID.</param>
/// <param name="Label">The package label.</param>
/// <param name="PackageId">
/// <c>label:sha256(package bytes)</c>, the id the peer reports after install: the chaincode server must register with
/// it (<c>CHAINCODE_ID</c>), and the org approves the definition with it.
/// </param>
/// <param name="Address">The chaincode server address in <c>connection.json</c>, as the peer container dials it.</param>
/// <param name="ServerPort">The port the org's chaincode server listens on (on the host).</param>
/// <param name="HostPath">The package file on the host.</param>
/// <param name="ToolsPath">The package file inside the network setup (tools) container.</param>
public sealed record CcaasPackageFile(
    string Chaincode,
    string Channel,
    string Org,
    string MspId,
    string Label,
    string PackageId,
    string Address,
    int ServerPort,
    string HostPath,
    string ToolsPath);
