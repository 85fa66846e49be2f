using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Transactions;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Ledger.Rwset;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ceiba.Network.Peer.Tests.Support;

/// <summary>Builds endorsed transaction envelopes the way a client, its endorsers and the gateway do.</summary>
public static class TestTransactions
{
    public const string Chaincode = "ehr";

    /// <summary>A read-write set of one namespace: reads at versions (null = the key was absent) and writes (null value = delete).</summary>
    public static KVRWSet RwSet((string Key, (ulong Block, ulong Tx)? Version)[]? reads = null, (string Key, string? Value)[]? writes = null)
    {
        var rwSet = new KVRWSet();
        foreach (var (key, version) in reads ?? [])
        {
            var read = new KVRead { Key = key };
            if (version is { } v)
            {
                read.Version = new Protos.Ledger.KvRwset.Version { BlockNum = v.Block, TxNum = v.Tx };
            }

            rwSet.Reads.Add(read);
        }

        foreach (var (key, value) in writes ?? [])
        {
            rwSet.Writes.Add(value is null ? new KVWrite { Key = key, IsDelete = true } : new KVWrite { Key = key, Value = ByteString.CopyFromUtf8(value) });
        }

        return rwSet;
    }

    /// <summary>A signed proposal's parts and the endorsed, client-signed envelope for it.</summary>
    public static (Envelope Envelope, string TxId) Endorsed(SigningIdentity client, string channel, KVRWSet rwSet, IEnumerable<SigningIdentity> endorsers, byte[]? nonce = null, string chaincode = Chaincode)
    {
        var proposal = Proposal(client, channel, chaincode, nonce ?? TransactionIds.NewNonce(), out var txId);
        var header = Header.Parser.ParseFrom(proposal.Header);
        var proposalPayload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
        var hash = ProposalHash.Compute(header.ChannelHeader.Span, header.SignatureHeader.Span, TransactionAssembler.WithoutTransient(proposalPayload).ToByteArray());

        var txRwSet = new TxReadWriteSet { DataModel = TxReadWriteSet.Types.DataModel.Kv };
        txRwSet.NsRwset.Add(new NsReadWriteSet { Namespace = chaincode, Rwset = rwSet.ToByteString() });
        var action = new ChaincodeAction
        {
            Results = txRwSet.ToByteString(),
            Response = new Response { Status = 200 },
            ChaincodeId = new ChaincodeID { Name = chaincode, Version = "1.0" },
        };
        var prp = new ProposalResponsePayload { ProposalHash = ByteString.CopyFrom(hash), Extension = action.ToByteString() }.ToByteString();
        var endorsements = endorsers.Select(e => new Endorsement
        {
            Endorser = ByteString.CopyFrom(e.Serialized.Span),
            Signature = ByteString.CopyFrom(e.SignMessage(ProposalHash.EndorsementSignedBytes(prp.Span, e.Serialized.Span))),
        });
        var envelope = TransactionAssembler.Assemble(proposal, prp, endorsements);
        envelope.Signature = ByteString.CopyFrom(client.SignMessage(envelope.Payload.Span));
        return (envelope, txId);
    }

    /// <summary>A proposal as the Node gateway client builds it (FABRIC-FACTS §1).</summary>
    public static Proposal Proposal(SigningIdentity client, string channel, string chaincode, byte[] nonce, out string txId, params string[] args)
    {
        txId = client.ComputeTransactionId(nonce);
        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.EndorserTransaction,
            ChannelId = channel,
            TxId = txId,
            Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Extension = new ChaincodeHeaderExtension { ChaincodeId = new ChaincodeID { Name = chaincode } }.ToByteString(),
        };
        var signatureHeader = new SignatureHeader { Creator = ByteString.CopyFrom(client.Serialized.Span), Nonce = ByteString.CopyFrom(nonce) };
        var input = new ChaincodeInput();
        input.Args.AddRange((args.Length == 0 ? ["noop"] : args).Select(ByteString.CopyFromUtf8));
        var spec = new ChaincodeInvocationSpec { ChaincodeSpec = new ChaincodeSpec { Type = ChaincodeSpec.Types.Type.Node, ChaincodeId = new ChaincodeID { Name = chaincode }, Input = input } };
        return new Proposal
        {
            Header = new Header { ChannelHeader = channelHeader.ToByteString(), SignatureHeader = signatureHeader.ToByteString() }.ToByteString(),
            Payload = new ChaincodeProposalPayload { Input = spec.ToByteString() }.ToByteString(),
        };
    }

    /// <summary>Changes the endorsed action inside an envelope and has the client sign the new payload, so only the change is wrong.</summary>
    public static Envelope Tamper(Envelope envelope, SigningIdentity client, Action<ChaincodeActionPayload> change)
    {
        var payload = Payload.Parser.ParseFrom(envelope.Payload);
        var transaction = Transaction.Parser.ParseFrom(payload.Data);
        var actionPayload = ChaincodeActionPayload.Parser.ParseFrom(transaction.Actions[0].Payload);
        change(actionPayload);
        transaction.Actions[0].Payload = actionPayload.ToByteString();
        payload.Data = transaction.ToByteString();
        var bytes = payload.ToByteString();
        return new Envelope { Payload = bytes, Signature = ByteString.CopyFrom(client.SignMessage(bytes.Span)) };
    }
}
