using System.Security.Cryptography;

namespace Ceiba.Network.Peer.Transactions;

/// <summary>
/// The proposal hash an endorsement binds to: SHA-256(ChannelHeader bytes ‖ SignatureHeader bytes ‖
/// ChaincodeProposalPayload bytes without the TransientMap), over the bytes exactly as received.
/// </summary>
public static class ProposalHash
{
    /// <summary>Computes the hash over the three byte strings.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> channelHeader, ReadOnlySpan<byte> signatureHeader, ReadOnlySpan<byte> proposalPayloadWithoutTransient)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(channelHeader);
        hash.AppendData(signatureHeader);
        hash.AppendData(proposalPayloadWithoutTransient);
        return hash.GetHashAndReset();
    }

    /// <summary>The bytes an endorser signs: proposal_response_payload ‖ endorser identity.</summary>
    public static byte[] EndorsementSignedBytes(ReadOnlySpan<byte> proposalResponsePayload, ReadOnlySpan<byte> endorser)
    {
        var result = new byte[proposalResponsePayload.Length + endorser.Length];
        proposalResponsePayload.CopyTo(result);
        endorser.CopyTo(result.AsSpan(proposalResponsePayload.Length));
        return result;
    }
}
