using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Gateway;
using Google.Protobuf;

namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>Opens the signed CommitStatus and ChaincodeEvents requests: parses them, finds the channel and checks the identity against the channel's Readers.</summary>
internal static class SignedRequests
{
    public static (CommitStatusRequest Request, PeerChannel Channel) CommitStatus(SignedCommitStatusRequest signed, Func<string, PeerChannel?> channels)
    {
        var request = Parse(CommitStatusRequest.Parser, signed.Request, "commit status request");
        var channel = Authorize(channels, request.ChannelId, request.Identity, signed.Request, signed.Signature);
        return (request, channel);
    }

    public static (ChaincodeEventsRequest Request, PeerChannel Channel) ChaincodeEvents(SignedChaincodeEventsRequest signed, Func<string, PeerChannel?> channels)
    {
        var request = Parse(ChaincodeEventsRequest.Parser, signed.Request, "chaincode events request");
        var channel = Authorize(channels, request.ChannelId, request.Identity, signed.Request, signed.Signature);
        return (request, channel);
    }

    private static T Parse<T>(MessageParser<T> parser, ByteString bytes, string what)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw GatewayErrors.InvalidArgument($"the {what} does not parse: {error.Message}");
        }
    }

    private static PeerChannel Authorize(Func<string, PeerChannel?> channels, string channelId, ByteString identity, ByteString request, ByteString signature)
    {
        var channel = channels(channelId) ?? throw GatewayErrors.Create(Grpc.Core.StatusCode.NotFound, $"channel '{channelId}' not found");
        var access = channel.Policies.Evaluate(PolicyPaths.ApplicationReaders, [new SignedData(request.Memory, identity.Memory, signature.Memory)]);
        return access.IsSatisfied ? channel : throw GatewayErrors.Create(Grpc.Core.StatusCode.PermissionDenied, $"access denied: {access.Reason}");
    }
}
