using System.Collections.Concurrent;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Ceiba.Gateway.Api.Fabric;

using Ceiba.Gateway.Client;
using Ceiba.Network.Msp;

/// <summary>
/// The Fabric connection layer: reads the generated network once (retrying on the next call if it is not there yet),
/// opens one gRPC channel per peer, and connects one gateway per hospital identity and peer of its org. A caller's
/// contract is chosen by hospital and role; an org's peers take turns.
/// </summary>
public sealed class FabricGateways(IOptions<FabricOptions> options) : IDisposable
{
    private readonly FabricOptions _options = options.Value;
    private readonly Lock _loadLock = new();
    private readonly ConcurrentDictionary<(string Hospital, string Role), Lazy<HospitalContracts>> _contracts = new();
    private readonly ConcurrentBag<SigningIdentity> _identities = [];
    private State? _state;

    /// <summary>The generated network material.</summary>
    /// <exception cref="NetworkMaterialException">It cannot be read.</exception>
    public NetworkMaterial Material => Load().Material;

    /// <summary>The channel requests go to.</summary>
    public string ChannelName => Load().ChannelName;

    /// <summary>The contract to call as <paramref name="role"/> at <paramref name="hospital"/>.</summary>
    /// <exception cref="NetworkMaterialException">The network material cannot be read.</exception>
    /// <exception cref="NoHospitalIdentityException">The material has no such identity.</exception>
    public Contract ContractFor(string hospital, string role)
    {
        ArgumentException.ThrowIfNullOrEmpty(hospital);
        ArgumentException.ThrowIfNullOrEmpty(role);
        var state = Load();
        var lazy = _contracts.GetOrAdd((hospital, role), key => new Lazy<HospitalContracts>(() => Connect(state, key.Hospital, key.Role)));
        try
        {
            return lazy.Value.Next();
        }
        catch
        {
            _contracts.TryRemove(new KeyValuePair<(string, string), Lazy<HospitalContracts>>((hospital, role), lazy));
            throw;
        }
    }

    /// <summary>
    /// The service identity for login lookups and the default admin: the admin identity of the first hospital of the
    /// first org.
    /// </summary>
    public Contract ServiceContract()
    {
        var (hospital, _) = ServiceHospital();
        return ContractFor(hospital, "admin");
    }

    /// <summary>The first hospital of the first org and that org's province code.</summary>
    public (string Hospital, string Province) ServiceHospital()
    {
        var org = Material.Orgs.FirstOrDefault(o => o.Hospitals.Count > 0)
            ?? throw new NetworkMaterialException("No org of the network has a hospital.");
        return (org.Hospitals[0], org.ProvinceCode);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_state is { } state)
        {
            foreach (var channel in state.Channels.Values.SelectMany(c => c))
            {
                channel.Dispose();
            }
        }

        foreach (var identity in _identities)
        {
            identity.Dispose();
        }
    }

    private State Load()
    {
        if (_state is { } loaded)
        {
            return loaded;
        }

        lock (_loadLock)
        {
            if (_state is null)
            {
                var directory = string.IsNullOrWhiteSpace(_options.Directory)
                    ? throw new NetworkMaterialException($"{FabricOptions.Section}:Directory is not set; point it at the output root of 'network generate'.")
                    : _options.Directory;
                var material = NetworkMaterialLoader.Load(directory);
                var channelName = string.IsNullOrWhiteSpace(_options.Channel) ? material.Channels[0] : _options.Channel;
                var channels = material.Orgs.ToDictionary(org => org.MspId, org => org.Peers.Select(peer => PeerChannels.Create(peer.Address, peer.TlsCaPem, peer.HostName, connectTimeout: TimeSpan.FromSeconds(5))).ToList());
                _state = new State(material, channelName, channels);
            }

            return _state;
        }
    }

    private HospitalContracts Connect(State state, string hospital, string role)
    {
        var org = state.Material.OrgOfHospital(hospital) ?? throw new NoHospitalIdentityException(hospital, role);
        var candidates = org.Identities
            .Where(i => i.Hospital == hospital && i.Role == role)
            .OrderBy(i => i.Name.StartsWith($"{role}1.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
        var chosen = candidates.FirstOrDefault() ?? throw new NoHospitalIdentityException(hospital, role);
        SigningIdentity identity;
        try
        {
            identity = SigningIdentity.FromMspFolder(chosen.MspPath, chosen.MspId);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new NetworkMaterialException($"The identity {chosen.Name} could not be loaded from {chosen.MspPath}: {error.Message}", error);
        }

        _identities.Add(identity);
        var gatewayOptions = new GatewayOptions
        {
            EvaluateTimeout = _options.EvaluateTimeout,
            EndorseTimeout = _options.EndorseTimeout,
            CommitStatusTimeout = _options.CommitStatusTimeout,
        };
        var contracts = state.Channels[org.MspId]
            .Select(channel => Gateway.Connect(identity, channel, gatewayOptions).GetNetwork(state.ChannelName).GetContract(_options.Chaincode))
            .ToArray();
        return contracts.Length == 0 ? throw new NetworkMaterialException($"Org {org.Name} has no peers in its connection profile.") : new HospitalContracts(contracts);
    }

    private sealed record State(NetworkMaterial Material, string ChannelName, Dictionary<string, List<GrpcChannel>> Channels);

    private sealed class HospitalContracts(Contract[] contracts)
    {
        private int _next = -1;

        public Contract Next() => contracts[(int)((uint)Interlocked.Increment(ref _next) % (uint)contracts.Length)];
    }
}
