using System.Globalization;
using System.Threading;
using Ceiba.Network.Msp;
using Ceiba.Testing.Fabric;
using Grpc.Net.Client;

namespace Ceiba.Gateway.Client.Tests.Support;

using Ceiba.Gateway.Client;

/// <summary>
/// The cuba-3 network (three orgs, one peer each, MAJORITY endorsement, one orderer, TLS on) running in-process with
/// the C# EHR chaincode, shared by the tests of one class; record ids come from <see cref="NextId"/> so tests never collide.
/// </summary>
public sealed class CubaNetworkFixture : IAsyncLifetime
{
    public const string Chaincode = "ehr";

    private static long _nextId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 1_000_000 * 1000;
    private readonly List<GrpcChannel> _channels = [];

    public EmbeddedEhrNetwork Embedded { get; private set; } = null!;

    public TestNetwork Network => Embedded.Network;

    /// <summary>The first org's doctor, as the client identity.</summary>
    public SigningIdentity Doctor { get; private set; } = null!;

    /// <summary>A gateway on the first org's peer, acting as <see cref="Doctor"/>.</summary>
    public Gateway Gateway { get; private set; } = null!;

    public Contract Contract => Gateway.GetNetwork(Network.Channel).GetContract(Chaincode);

    public IReadOnlyList<string> MspIds => [.. Network.Topology.Orgs.Select(o => o.MspId)];

    public async ValueTask InitializeAsync()
    {
        Embedded = await EmbeddedEhrNetwork.StartAsync("cuba-3", TestContext.Current.CancellationToken);
        Doctor = Network.Client();
        Gateway = Gateway.Connect(Doctor, Channel(0));
    }

    /// <summary>A fresh record id, unique within the test run.</summary>
    public static long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>A TLS channel to peer <paramref name="index"/>, closed with the fixture.</summary>
    public GrpcChannel Channel(int index)
    {
        var channel = Embedded.PeerChannel(Network.PeerNames[index]);
        _channels.Add(channel);
        return channel;
    }

    /// <summary>A valid OMOP person as the EHR chaincode expects it.</summary>
    public static string Person(long id, int yearOfBirth = 1970) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"person_id":{{id}},"gender_concept_id":8507,"year_of_birth":{{yearOfBirth}},"race_concept_id":8527,"ethnicity_concept_id":38003563,"province":"03"}""");

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        Doctor?.Dispose();
        if (Embedded is not null)
        {
            await Embedded.DisposeAsync();
        }
    }
}
