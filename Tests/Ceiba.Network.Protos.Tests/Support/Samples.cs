using System.Security.Cryptography;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Ledger.Rwset;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ceiba.Network.Protos.Tests.Support;

/// <summary>
/// Realistic Fabric messages built the way a gateway client and an endorser build them
/// (see FABRIC-FACTS §1–2), shared by the interop tests.
/// </summary>
internal sealed class Samples : IDisposable
{
    public const string Channel = "ehr";
    public const string Chaincode = "omop";
    public const string Function = "CreatePerson";
    public const string PersonJson = """{"person_id":42,"gender_concept_id":8507,"year_of_birth":1961}""";

    public static readonly Timestamp Time = new() { Seconds = 1_742_000_000, Nanos = 123_456_789 };

    private readonly Dictionary<TestIdentity, Endorsement> _endorsements = [];
    private ByteString? _envelopeSignature;

    public Samples()
    {
        Nonce = [.. Enumerable.Range(1, 24).Select(i => (byte)(i * 11))];
        TxId = TestIdentity.TxId(Nonce, Client.Serialized.Span);

        ChannelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.EndorserTransaction,
            Timestamp = Time,
            ChannelId = Channel,
            TxId = TxId,
            Epoch = 0,
            Extension = new ChaincodeHeaderExtension { ChaincodeId = new ChaincodeID { Name = Chaincode } }.ToByteString(),
        }.ToByteString();
        SignatureHeader = new SignatureHeader { Creator = Client.Serialized, Nonce = ByteString.CopyFrom(Nonce) }.ToByteString();

        var invocation = new ChaincodeInvocationSpec
        {
            ChaincodeSpec = new ChaincodeSpec
            {
                Type = ChaincodeSpec.Types.Type.Node,
                ChaincodeId = new ChaincodeID { Name = Chaincode },
                Input = new ChaincodeInput { Args = { ByteString.CopyFromUtf8(Function), ByteString.CopyFromUtf8(PersonJson) } },
            },
        };
        var payload = new ChaincodeProposalPayload { Input = invocation.ToByteString() };
        PayloadWithoutTransient = payload.ToByteString();
        // Keys in sorted order so that C# and Node (which sorts map keys) marshal identical bytes.
        payload.TransientMap.Add("notes", ByteString.CopyFromUtf8("private clinical note"));
        payload.TransientMap.Add("ssn", ByteString.CopyFromUtf8("85010112345"));
        ProposalPayload = payload.ToByteString();

        ProposalBytes = new Proposal
        {
            Header = new Header { ChannelHeader = ChannelHeader, SignatureHeader = SignatureHeader }.ToByteString(),
            Payload = ProposalPayload,
        }.ToByteString();
        SignedProposal = new SignedProposal { ProposalBytes = ProposalBytes, Signature = ByteString.CopyFrom(Client.Sign(ProposalBytes.Span)) };
    }

    public TestIdentity Client { get; } = TestIdentity.Create("HabanaMSP", "doctor1");

    public TestIdentity Peer { get; } = TestIdentity.Create("HabanaMSP", "peer0.habana");

    public TestIdentity OtherPeer { get; } = TestIdentity.Create("SantiagoMSP", "peer0.santiago");

    public byte[] Nonce { get; }

    public string TxId { get; }

    public ByteString ChannelHeader { get; }

    public ByteString SignatureHeader { get; }

    public ByteString ProposalPayload { get; }

    public ByteString PayloadWithoutTransient { get; }

    public ByteString ProposalBytes { get; }

    public SignedProposal SignedProposal { get; }

    /// <summary>SHA-256(ChannelHeader ‖ SignatureHeader ‖ payload without the TransientMap).</summary>
    public byte[] ProposalHash => SHA256.HashData([.. ChannelHeader.Span, .. SignatureHeader.Span, .. PayloadWithoutTransient.Span]);

    public static KVRWSet OmopWrites() => new()
    {
        Reads =
        {
            new KVRead { Key = "person~42" },
            new KVRead { Key = "sequence", Version = new Ledger.KvRwset.Version { BlockNum = 7, TxNum = 2 } },
        },
        Writes =
        {
            new KVWrite { Key = "person~42", Value = ByteString.CopyFromUtf8(PersonJson) },
            new KVWrite { Key = "staging~42", IsDelete = true },
        },
    };

    public ByteString ReadWriteSet => new TxReadWriteSet
    {
        DataModel = TxReadWriteSet.Types.DataModel.Kv,
        NsRwset =
        {
            new NsReadWriteSet
            {
                Namespace = "_lifecycle",
                Rwset = new KVRWSet { Reads = { new KVRead { Key = "namespaces/fields/omop/Sequence", Version = new() { BlockNum = 3 } } } }.ToByteString(),
            },
            new NsReadWriteSet { Namespace = Chaincode, Rwset = OmopWrites().ToByteString() },
        },
    }.ToByteString();

    public ByteString ChaincodeAction => new ChaincodeAction
    {
        Results = ReadWriteSet,
        Events = new ChaincodeEvent { ChaincodeId = Chaincode, TxId = TxId, EventName = "PersonCreated", Payload = ByteString.CopyFromUtf8("42") }.ToByteString(),
        Response = new Response { Status = 200, Payload = ByteString.CopyFromUtf8("42") },
        ChaincodeId = new ChaincodeID { Name = Chaincode, Version = "1.0" },
    }.ToByteString();

    public ByteString ProposalResponsePayload => new ProposalResponsePayload
    {
        ProposalHash = ByteString.CopyFrom(ProposalHash),
        Extension = ChaincodeAction,
    }.ToByteString();

    /// <summary>signature = Sign(SHA-256(prp ‖ endorser)); one signature per endorser, so repeated calls give equal bytes.</summary>
    public Endorsement Endorse(TestIdentity endorser)
    {
        if (!_endorsements.TryGetValue(endorser, out var endorsement))
        {
            endorsement = new Endorsement
            {
                Endorser = endorser.Serialized,
                Signature = ByteString.CopyFrom(endorser.Sign([.. ProposalResponsePayload.Span, .. endorser.Serialized.Span])),
            };
            _endorsements[endorser] = endorsement;
        }
        return endorsement.Clone();
    }

    public ProposalResponse ProposalResponse() => new()
    {
        Version = 1,
        Timestamp = Time,
        Response = new Response { Status = 200, Message = "OK", Payload = ByteString.CopyFromUtf8("42") },
        Payload = ProposalResponsePayload,
        Endorsement = Endorse(Peer),
        Interest = new ChaincodeInterest { Chaincodes = { new ChaincodeCall { Name = Chaincode } } },
    };

    /// <summary>The transaction envelope a gateway prepares and the client signs.</summary>
    public Envelope TransactionEnvelope()
    {
        var transaction = new Transaction
        {
            Actions =
            {
                new TransactionAction
                {
                    Header = SignatureHeader,
                    Payload = new ChaincodeActionPayload
                    {
                        ChaincodeProposalPayload = PayloadWithoutTransient,
                        Action = new ChaincodeEndorsedAction
                        {
                            ProposalResponsePayload = ProposalResponsePayload,
                            Endorsements = { Endorse(Peer), Endorse(OtherPeer) },
                        },
                    }.ToByteString(),
                },
            },
        };
        var payload = new Payload
        {
            Header = new Header { ChannelHeader = ChannelHeader, SignatureHeader = SignatureHeader },
            Data = transaction.ToByteString(),
        }.ToByteString();
        _envelopeSignature ??= ByteString.CopyFrom(Client.Sign(payload.Span));
        return new Envelope { Payload = payload, Signature = _envelopeSignature };
    }

    public void Dispose()
    {
        Client.Dispose();
        Peer.Dispose();
        OtherPeer.Dispose();
    }
}
