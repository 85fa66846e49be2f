using System.Diagnostics.CodeAnalysis;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>Parses an envelope's payload, channel header and signature header, or says what is malformed.</summary>
internal static class EnvelopeReader
{
    public static bool TryRead(
        Envelope envelope,
        [NotNullWhen(true)] out Payload? payload,
        [NotNullWhen(true)] out ChannelHeader? channelHeader,
        [NotNullWhen(true)] out SignatureHeader? signatureHeader,
        out string error)
    {
        payload = null;
        channelHeader = null;
        signatureHeader = null;
        if (envelope.Payload.IsEmpty)
        {
            error = "the envelope has no payload";
            return false;
        }

        try
        {
            payload = Payload.Parser.ParseFrom(envelope.Payload.Span);
            if (payload.Header is not { } header || header.ChannelHeader.IsEmpty || header.SignatureHeader.IsEmpty)
            {
                error = "the payload has no channel header or signature header";
                return false;
            }

            channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader.Span);
            signatureHeader = SignatureHeader.Parser.ParseFrom(header.SignatureHeader.Span);
        }
        catch (InvalidProtocolBufferException parseError)
        {
            error = $"the payload is not a common.Payload: {parseError.Message}";
            return false;
        }

        if (signatureHeader.Creator.IsEmpty)
        {
            error = "the signature header has no creator";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
