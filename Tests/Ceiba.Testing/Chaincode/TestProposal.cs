using System.Security.Cryptography;
using System.Text;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Testing.Chaincode;

/// <summary>
/// A client's signed proposal built the way Fabric's gateway client builds one (FABRIC-FACTS §1), with the
/// pieces a test checks against: txid, nonce, creator bytes, timestamp and the chaincode input.
/// </summary>
/// <param name="TxId">hex(SHA-256(nonce ‖ creator)).</param>
/// <param name="ChannelId">The channel.</param>
/// <param name="SignedProposal">The signed proposal the peer forwards to the chaincode.</param>
/// <param name="Input">The chaincode input: the arguments.</param>
/// <param name="Timestamp">The channel header timestamp.</param>
/// <param name="Nonce">The 24-byte nonce.</param>
/// <param name="Creator">The marshaled SerializedIdentity.</param>
public sealed record TestProposal(
    string TxId, string ChannelId, SignedProposal SignedProposal, ChaincodeInput Input, DateTimeOffset Timestamp, byte[] Nonce, byte[] Creator)
{
    /// <summary>Builds and signs a proposal with string arguments (UTF-8).</summary>
    public static TestProposal Create(
        TestIdentity identity, string channelId, string chaincodeName, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, byte[]>? transient = null, DateTimeOffset? timestamp = null) =>
        Create(identity, channelId, chaincodeName, [.. args.Select(Encoding.UTF8.GetBytes)], transient, timestamp);

    /// <summary>Builds and signs a proposal with raw arguments.</summary>
    public static TestProposal Create(
        TestIdentity identity, string channelId, string chaincodeName, IReadOnlyList<byte[]> args,
        IReadOnlyDictionary<string, byte[]>? transient = null, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var nonce = RandomNumberGenerator.GetBytes(24);
        var creator = identity.Serialized.ToByteArray();
        var txId = Convert.ToHexStringLower(SHA256.HashData([.. nonce, .. creator]));
        var time = timestamp ?? DateTimeOffset.UtcNow;
        var chaincodeId = new ChaincodeID { Name = chaincodeName };
        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.EndorserTransaction,
            Timestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(time),
            ChannelId = channelId,
            TxId = txId,
            Epoch = 0,
            Extension = new ChaincodeHeaderExtension { ChaincodeId = chaincodeId }.ToByteString(),
        };
        var header = new Header
        {
            ChannelHeader = channelHeader.ToByteString(),
            SignatureHeader = new SignatureHeader { Creator = ByteString.CopyFrom(creator), Nonce = ByteString.CopyFrom(nonce) }.ToByteString(),
        };
        var input = new ChaincodeInput();
        input.Args.AddRange(args.Select(ByteString.CopyFrom));
        var spec = new ChaincodeSpec { Type = ChaincodeSpec.Types.Type.Node, ChaincodeId = chaincodeId, Input = input };
        var payload = new ChaincodeProposalPayload { Input = new ChaincodeInvocationSpec { ChaincodeSpec = spec }.ToByteString() };
        foreach (var (name, value) in transient ?? new Dictionary<string, byte[]>())
        {
            payload.TransientMap.Add(name, ByteString.CopyFrom(value));
        }
        var proposalBytes = new Proposal { Header = header.ToByteString(), Payload = payload.ToByteString() }.ToByteString();
        var signed = new SignedProposal { ProposalBytes = proposalBytes, Signature = ByteString.CopyFrom(identity.Sign(proposalBytes.Span)) };
        return new TestProposal(txId, channelId, signed, input, time, nonce, creator);
    }
}
