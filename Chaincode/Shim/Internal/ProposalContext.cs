using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>
/// What a stub derives from the client's signed proposal: creator, timestamp, transient map and binding.
/// The headers are decoded up front (a broken proposal is refused before the chaincode runs); the binding
/// hash and the transient copy are made only when asked for. Signed bytes are only read, never re-serialized.
/// </summary>
internal sealed class ProposalContext
{
    private readonly ByteString _nonce;
    private readonly ByteString _creatorBytes;
    private readonly ulong _epoch;
    private readonly MapField<string, ByteString> _transientMap;
    private byte[]? _binding;
    private IReadOnlyDictionary<string, byte[]>? _transient;

    private ProposalContext(SignedProposal signedProposal, SignatureHeader signatureHeader, ChannelHeader channelHeader, ChaincodeProposalPayload payload)
    {
        SignedProposal = signedProposal;
        _nonce = signatureHeader.Nonce;
        _creatorBytes = signatureHeader.Creator;
        _epoch = channelHeader.Epoch;
        _transientMap = payload.TransientMap;
        Creator = SerializedIdentity.Parser.ParseFrom(signatureHeader.Creator);
        Timestamp = channelHeader.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch;
    }

    public SignedProposal SignedProposal { get; }

    public SerializedIdentity Creator { get; }

    public DateTimeOffset Timestamp { get; }

    public IReadOnlyDictionary<string, byte[]> Transient =>
        _transient ??= _transientMap.ToDictionary(entry => entry.Key, entry => entry.Value.ToByteArray(), StringComparer.Ordinal);

    public byte[] Binding => _binding ??= ComputeBinding(_nonce.Span, _creatorBytes.Span, _epoch);

    /// <summary>Parses a signed proposal; throws <see cref="InvalidProposalException"/> when it is unusable.</summary>
    public static ProposalContext Parse(SignedProposal? signedProposal)
    {
        if (signedProposal is null || signedProposal.ProposalBytes.IsEmpty)
        {
            throw new InvalidProposalException("the message carries no signed proposal");
        }
        try
        {
            var proposal = Proposal.Parser.ParseFrom(signedProposal.ProposalBytes);
            var header = Header.Parser.ParseFrom(proposal.Header);
            var channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
            if (channelHeader.Type is not ((int)HeaderType.EndorserTransaction or (int)HeaderType.Config))
            {
                throw new InvalidProposalException(
                    $"invalid channel header type {channelHeader.Type}; expected ENDORSER_TRANSACTION or CONFIG");
            }
            var signatureHeader = SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
            var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
            return new ProposalContext(signedProposal, signatureHeader, channelHeader, payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidProposalException($"the signed proposal cannot be decoded: {e.Message}");
        }
    }

    /// <summary>SHA-256(nonce ‖ creator ‖ epoch as 8-byte little-endian), as Fabric's proposal binding.</summary>
    public static byte[] ComputeBinding(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> creator, ulong epoch)
    {
        var length = nonce.Length + creator.Length + sizeof(ulong);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            nonce.CopyTo(buffer);
            creator.CopyTo(buffer.AsSpan(nonce.Length));
            BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(nonce.Length + creator.Length), epoch);
            return SHA256.HashData(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>A TRANSACTION or INIT whose signed proposal cannot be used; the shim answers ERROR.</summary>
internal sealed class InvalidProposalException(string message) : Exception(message);
