using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Scenarios;
using Ceiba.LoadTests.Workloads.Clients;
using Ceiba.LoadTests.Workloads.Data;
using Ceiba.LoadTests.Workloads.Flows;
using Ceiba.LoadTests.Workloads.Observers;

namespace Ceiba.LoadTests.Workloads.GatewayTarget;

using Ceiba.Gateway.Client;

/// <summary>
/// The <c>gateway</c> target: each hospital of the topology is a Gateway client with its own doctor and admin
/// identities, connected to its province's peer; the commit@threshold observer listens to every peer's block events.
/// </summary>
internal sealed class GatewayWorkload : IWorkload
{
    private readonly GatewayConnections _connections;
    private readonly CommitThresholdObserver _observer;

    private GatewayWorkload(IFlowSource flows, IReadOnlyList<string> provinces, string description, GatewayConnections connections, CommitThresholdObserver observer, FlowEnvironment environment)
    {
        Flows = flows;
        Provinces = provinces;
        Description = description;
        _connections = connections;
        _observer = observer;
        Environment = environment;
    }

    public IFlowSource Flows { get; }

    public IReadOnlyList<string> Provinces { get; }

    public string Description { get; }

    /// <summary>The shared state of the flows (clients, known patients), for tests and diagnostics.</summary>
    internal FlowEnvironment Environment { get; }

    /// <summary>The commit@threshold observer.</summary>
    internal CommitThresholdObserver Observer => _observer;

    public static async Task<GatewayWorkload> CreateAsync(ScenarioDefinition scenario, NetworkLayout layout, IMetricsSink metrics, IdAllocator ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(metrics);
        var connections = new GatewayConnections();
        CommitThresholdObserver? observer = null;
        try
        {
            var peers = layout.Orgs.SelectMany(o => o.Peers.Select(p => (Org: o, Peer: p))).ToList();
            observer = new CommitThresholdObserver(
                [.. peers.Select(p => BlockSource(connections, p.Org, p.Peer, layout.Channel))],
                scenario.CommitThresholdPeers, scenario.TransactionTimeout, metrics);
            var transactions = new GatewayTransactions(scenario.TransactionTimeout, observer);
            // The scenario's transaction timeout is the one deadline: the client's per-stage defaults (evaluate 5 s) would
            // otherwise time reads out first under saturation, and report the client's limit instead of the scenario's.
            var deadlines = new GatewayOptions
            {
                EvaluateTimeout = scenario.TransactionTimeout,
                EndorseTimeout = scenario.TransactionTimeout,
                SubmitTimeout = scenario.TransactionTimeout,
                CommitStatusTimeout = scenario.TransactionTimeout,
            };
            var clients = layout.Hospitals.Select((hospital, index) => Client(connections, layout, hospital, index, transactions, deadlines, observer)).ToList();
            var environment = new FlowEnvironment(scenario.Seed, clients, new PatientIndex(), ids);
            var setup = await GatewaySetup.RunAsync(clients, environment, observer, cancellationToken).ConfigureAwait(false);

            var flows = WeightedFlowSource.ForMix(scenario.Mix, scenario.Seed, name => FlowCatalog.Create(name, environment));
            var description = $"gateway: {layout.Orgs.Count} orgs, {layout.Hospitals.Count} hospitals as clients "
                + $"(doctor accounts: {setup.DoctorsCreated} created, {setup.DoctorsPresent} present), "
                + $"{setup.PatientsPreloaded} persons preloaded, commit@threshold on {observer.Threshold} of {observer.PeerCount} peers";
            return new GatewayWorkload(flows, [.. layout.Orgs.Select(o => o.ProvinceCode).Distinct()], description, connections, observer, environment);
        }
        catch
        {
            if (observer is not null)
            {
                await observer.DisposeAsync().ConfigureAwait(false);
            }

            connections.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _observer.DisposeAsync().ConfigureAwait(false);
        _connections.Dispose();
    }

    /// <summary>A hospital's client: hospitals of one org spread over its peers.</summary>
    private static GatewayEhrClient Client(GatewayConnections connections, NetworkLayout layout, HospitalInfo hospital, int index, GatewayTransactions transactions, GatewayOptions deadlines, CommitThresholdObserver observer)
    {
        var peers = hospital.Org.Peers;
        var peer = peers[index % peers.Count];
        var doctor = connections.Connect(hospital.Doctor, peer, deadlines).GetNetwork(layout.Channel).GetContract(layout.Chaincode);
        var admin = connections.Connect(hospital.Admin, peer, deadlines).GetNetwork(layout.Channel).GetContract(layout.Chaincode);
        return new GatewayEhrClient(hospital, doctor, admin, GatewaySetup.DoctorAccount(hospital).Email, transactions, observer);
    }

    private static PeerBlockSource BlockSource(GatewayConnections connections, OrgInfo org, PeerEndpoint peer, string channel)
    {
        var network = connections.Connect(org.OrgAdmin, peer, GatewayOptions.Default).GetNetwork(channel);
        return new PeerBlockSource(peer.HostName, (start, token) => network.GetFilteredBlockEventsAsync(new BlockEventsOptions { StartBlock = start }, token));
    }
}
