using Ceiba.Network.Peer.Committer;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Peer.Validation;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Topology.Generation.ChannelConfig;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer;

/// <summary>
/// A channel this peer has joined: its configuration policies and MSPs, the endorsement policies of
/// its chaincodes, its ledger and its committer.
/// </summary>
public sealed class PeerChannel : IDisposable
{
    private PeerChannel(string channelId, ChannelPolicies policies, EndorsementPolicies endorsementPolicies, PeerLedger ledger, ILoggerFactory? loggers, PeerMetrics? metrics)
    {
        ChannelId = channelId;
        Policies = policies;
        EndorsementPolicies = endorsementPolicies;
        Ledger = ledger;
        Committer = new BlockCommitter(channelId, ledger, new BlockValidator(channelId, policies, endorsementPolicies, ledger), loggers?.CreateLogger<BlockCommitter>(), metrics);
    }

    /// <summary>The channel name.</summary>
    public string ChannelId { get; }

    /// <summary>The channel configuration's policies and MSPs.</summary>
    public ChannelPolicies Policies { get; }

    /// <summary>The endorsement policy of each chaincode defined on the channel.</summary>
    public EndorsementPolicies EndorsementPolicies { get; }

    /// <summary>The channel's ledger.</summary>
    public PeerLedger Ledger { get; }

    /// <summary>Validates and commits the channel's blocks.</summary>
    public BlockCommitter Committer { get; }

    /// <summary>
    /// Joins the channel from its genesis block: reads the configuration, opens the ledger in
    /// <paramref name="ledgerDirectory"/> (recovering it if it exists) and commits the genesis block if the ledger is empty.
    /// </summary>
    /// <param name="genesis">The channel's genesis (config) block.</param>
    /// <param name="chaincodePolicies">Chaincode name → endorsement policy text of the chaincodes defined on the channel.</param>
    /// <param name="ledgerDirectory">Where the ledger lives.</param>
    /// <param name="loggers">Logging, optional.</param>
    /// <param name="metrics">Metrics, optional.</param>
    /// <exception cref="InvalidPolicyException">A policy of the configuration or a chaincode does not compile.</exception>
    /// <exception cref="LedgerException">The ledger cannot be opened.</exception>
    public static PeerChannel Join(Block genesis, IEnumerable<KeyValuePair<string, string>> chaincodePolicies, string ledgerDirectory, ILoggerFactory? loggers = null, PeerMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        var channelId = ChannelHeader.Parser.ParseFrom(Payload.Parser.ParseFrom(Envelope.Parser.ParseFrom(genesis.Data.Data[0]).Payload).Header.ChannelHeader).ChannelId;
        var config = GenesisBlockFactory.ReadConfig(genesis);
        var policies = ChannelPolicies.FromConfig(config.ChannelGroup);
        var endorsement = EndorsementPolicies.Compile(policies, chaincodePolicies);
        var ledger = PeerLedger.Open(ledgerDirectory);
        var channel = new PeerChannel(channelId, policies, endorsement, ledger, loggers, metrics);
        channel.Committer.Join(genesis);
        return channel;
    }

    /// <summary>A channel over an already-open ledger and compiled policies (tests, tools).</summary>
    public static PeerChannel Create(string channelId, ChannelPolicies policies, EndorsementPolicies endorsementPolicies, PeerLedger ledger, ILoggerFactory? loggers = null, PeerMetrics? metrics = null) =>
        new(channelId, policies, endorsementPolicies, ledger, loggers, metrics);

    /// <inheritdoc />
    public void Dispose() => Ledger.Dispose();
}
