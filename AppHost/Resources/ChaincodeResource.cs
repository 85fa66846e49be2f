using Aspire.Hosting.ApplicationModel;
using Ceiba.AppHost.Hosting;

namespace Ceiba.AppHost.Resources;

/// <summary>One org's EHR chaincode server (CCaaS): the peers of the org dial it at <see cref="Server"/>'s address.</summary>
/// <param name="name">The resource name, e.g. <c>ehr-habana</c>.</param>
/// <param name="command">The built EHR chaincode executable.</param>
/// <param name="server">The chaincode definition and address.</param>
public sealed class ChaincodeResource(string name, string command, ChaincodeServerConfig server)
    : ExecutableResource(name, command, Path.GetDirectoryName(command)!)
{
    /// <summary>The chaincode definition and the address the server listens on.</summary>
    public ChaincodeServerConfig Server { get; } = server;
}
