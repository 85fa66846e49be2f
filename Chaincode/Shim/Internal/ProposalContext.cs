using System.Buffers.Binary;
using System.Security.Cryptography;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>
/// What a stub derives from the client's signed proposal: creator, timestamp, transient map and binding.
/// Signed bytes are only read, never re-serialized.
/// </summary>
internal sealed record ProposalContext(
    SignedProposal SignedProposal,
    SerializedIdentity Creator,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, byte[]> Transient,
    byte[] Binding)
{
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
            var creator = SerializedIdentity.Parser.ParseFrom(signatureHeader.Creator);
            var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
            var transient = payload.TransientMap.ToDictionary(entry => entry.Key, entry => entry.Value.ToByteArray(), StringComparer.Ordinal);
            var timestamp = channelHeader.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch;
            var binding = ComputeBinding(signatureHeader.Nonce.Span, signatureHeader.Creator.Span, channelHeader.Epoch);
            return new ProposalContext(signedProposal, creator, timestamp, transient, binding);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidProposalException($"the signed proposal cannot be decoded: {e.Message}");
        }
    }

    /// <summary>SHA-256(nonce ‖ creator ‖ epoch as 8-byte little-endian), as Fabric's proposal binding.</summary>
    public static byte[] ComputeBinding(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> creator, ulong epoch)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> epochBytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(epochBytes, epoch);
        hash.AppendData(nonce);
        hash.AppendData(creator);
        hash.AppendData(epochBytes);
        return hash.GetHashAndReset();
    }
}

/// <summary>A TRANSACTION or INIT whose signed proposal cannot be used; the shim answers ERROR.</summary>
internal sealed class InvalidProposalException(string message) : Exception(message);
