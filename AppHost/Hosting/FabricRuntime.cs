namespace Ceiba.AppHost.Hosting;

/// <summary>How the network's nodes run; everything else (chaincode, gateway, workload) is the same in both.</summary>
public enum FabricRuntime
{
    /// <summary>The embedded .NET nodes: <c>network orderer|peer --config nodes/&lt;name&gt;.json</c> as project resources.</summary>
    Embedded,

    /// <summary>The official Hyperledger Fabric images as containers (needs Docker).</summary>
    Fabric,
}
