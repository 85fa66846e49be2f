using System.Diagnostics;
using Ceiba.Benchmarks.PeerCommit;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer.Blocks;
using Ceiba.Network.Peer;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Peer.Transactions;
using Ceiba.Network.Peer.Validation;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Ledger.Rwset;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

// Validation and commit throughput of one peer: blocks of 500 EHR-sized transactions (one 1 KiB write,
// one endorsement, policy OR('HabanaMSP.peer')), RocksDB on a temp directory.
// Usage: Ceiba.Benchmarks.PeerCommit [blocks=10] [transactionsPerBlock=500]
//        Ceiba.Benchmarks.PeerCommit endorse [secondsPerPhase=15] [concurrency=8]   (see EndorseLoad)
if (args.Length > 0 && args[0] == "endorse")
{
    await EndorseLoad.RunAsync(args[1..]);
    return;
}

var blocks = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
var perBlock = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
const string Channel = "ehr";

using var orgs = new BenchChannel();
using var client = orgs.Issue(orderer: false, NodeOURole.Client);
using var peer = orgs.Issue(orderer: false, NodeOURole.Peer);
using var ordererIdentity = orgs.Issue(orderer: true, NodeOURole.Orderer);
var policies = ChannelPolicies.FromConfig(orgs.Group());
var directory = Directory.CreateTempSubdirectory("ceiba-peer-bench-").FullName;
try
{
    using var ledger = PeerLedger.Open(directory);
    var channel = PeerChannel.Create(Channel, policies, EndorsementPolicies.Compile(policies, [new("ehr", "OR('HabanaMSP.peer')")]), ledger);
    var factory = new OrdererBlockFactory(ordererIdentity);
    var genesis = factory.Create(0, ReadOnlyMemory<byte>.Empty, []);
    channel.Committer.Join(genesis);
    var previous = BlockHashing.HeaderHash(genesis.Header);
    var prepared = new List<Block>();
    var value = ByteString.CopyFrom(new byte[1024]);
    for (var b = 1; b <= blocks; b++)
    {
        var envelopes = Enumerable.Range(0, perBlock).Select(i => Transaction(client, peer, $"patient-{b}-{i}", value).ToByteString()).ToList();
        var block = factory.Create((ulong)b, previous, envelopes);
        previous = BlockHashing.HeaderHash(block.Header);
        prepared.Add(block);
    }

    var watch = Stopwatch.StartNew();
    var valid = 0;
    foreach (var block in prepared)
    {
        valid += channel.Committer.Commit(block).Validation.ValidCount;
    }

    watch.Stop();
    Console.WriteLine($"{blocks} blocks x {perBlock} tx, {Environment.ProcessorCount} cores: {valid} valid in {watch.Elapsed.TotalSeconds:0.00} s = {valid / watch.Elapsed.TotalSeconds:0} tx/s");
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static Envelope Transaction(SigningIdentity client, SigningIdentity peer, string key, ByteString value)
{
    var nonce = TransactionIds.NewNonce();
    var channelHeader = new ChannelHeader
    {
        Type = (int)HeaderType.EndorserTransaction,
        ChannelId = "ehr",
        TxId = client.ComputeTransactionId(nonce),
        Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
    }.ToByteString();
    var signatureHeader = new SignatureHeader { Creator = ByteString.CopyFrom(client.Serialized.Span), Nonce = ByteString.CopyFrom(nonce) }.ToByteString();
    var proposal = new Proposal
    {
        Header = new Header { ChannelHeader = channelHeader, SignatureHeader = signatureHeader }.ToByteString(),
        Payload = new ChaincodeProposalPayload { Input = ByteString.CopyFromUtf8("CreatePerson") }.ToByteString(),
    };
    var rwSet = new KVRWSet();
    rwSet.Writes.Add(new KVWrite { Key = key, Value = value });
    var results = new TxReadWriteSet();
    results.NsRwset.Add(new NsReadWriteSet { Namespace = "ehr", Rwset = rwSet.ToByteString() });
    var action = new ChaincodeAction { Results = results.ToByteString(), Response = new Response { Status = 200 }, ChaincodeId = new ChaincodeID { Name = "ehr", Version = "1.0" } };
    var hash = ProposalHash.Compute(channelHeader.Span, signatureHeader.Span, proposal.Payload.Span);
    var prp = new ProposalResponsePayload { ProposalHash = ByteString.CopyFrom(hash), Extension = action.ToByteString() }.ToByteString();
    var endorsement = new Endorsement
    {
        Endorser = ByteString.CopyFrom(peer.Serialized.Span),
        Signature = ByteString.CopyFrom(peer.SignMessage(ProposalHash.EndorsementSignedBytes(prp.Span, peer.Serialized.Span))),
    };
    var envelope = TransactionAssembler.Assemble(proposal, prp, [endorsement]);
    envelope.Signature = ByteString.CopyFrom(client.SignMessage(envelope.Payload.Span));
    return envelope;
}
