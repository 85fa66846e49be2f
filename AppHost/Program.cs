using Ceiba.AppHost.Hosting;

// Ceiba: a multi-org Fabric network of Cuban provincial hospitals, the EHR chaincode, the gateway and a workload.
// Options: --topology seed|cuba-3|cuba-national|<file>  --runtime embedded|fabric  --scenario <name>|none  --exit-on-completion  --fresh-ledger
// Network material (crypto, genesis block, node configs) is generated on the first run and reused after.
if (!HarnessStartup.TryCreate(args, out var builder, out var options, out var network))
{
    return HarnessStartup.BadInput;
}

// Orderers (Raft)
var orderers = network.Orderers.Select(node => builder.AddFabricOrderer(network, node)).ToList();

// Chaincode: one EHR server per org (before the peers: a peer is ready only when its org's chaincode answers)
var chaincodes = network.ChaincodeServers.ToDictionary(server => server.Org, server => builder.AddChaincode(network, server));

// Peers: one per province, each endorsing with its org's chaincode
var peers = network.Peers
    .Select(node => builder.AddFabricPeer(network, node)
        .WaitForAll(orderers)
        .WaitFor(chaincodes[node.Org]))
    .ToList();

// Certificate authorities (the fabric runtime; the embedded runtime issues identities at generation)
if (network.Runtime == FabricRuntime.Fabric)
{
    foreach (var ca in network.CertificateAuthorities)
    {
        builder.AddFabricCa(network, ca);
    }
}

// Channel join and chaincode lifecycle: a one-shot tools container in the fabric runtime (embedded nodes join at start)
var setup = builder.AddFabricNetworkSetup(network, orderers, peers);

// Apps: the EHR service, then the workload that drives it
var gatewayApi = builder.AddGatewayApi(network)
    .WaitForAll(peers)
    .WaitForCompletionOf(setup);

var report = options.RunsWorkload ? AppBuilderExtensions.ReportDirectoryFor(options, network.Topology.Name, DateTimeOffset.UtcNow) : null;
if (report is not null)
{
    builder.AddLoadTests(network, options, report, gatewayApi)
        .WaitFor(gatewayApi)
        .WaitForAll(peers);
}

// Telemetry: the workload samples its transactions and every resource follows its decision
builder.WithHarnessTelemetry(options);

return await HarnessStartup.RunAsync(builder.Build(), options, network, report);
