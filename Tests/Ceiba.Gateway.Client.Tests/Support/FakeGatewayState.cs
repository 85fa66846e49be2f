using System.Collections.Concurrent;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Gateway.Client.Tests.Support;

/// <summary>What the fake gateway peer does (failures, delays, commit codes, stored events) and what it received.</summary>
internal sealed class FakeGatewayState
{
    /// <summary>Thrown by the matching call instead of answering.</summary>
    public ConcurrentDictionary<GatewayStage, RpcException> Failures { get; } = new();

    /// <summary>How long the matching call waits (cancelled by the client's deadline) before answering.</summary>
    public ConcurrentDictionary<GatewayStage, TimeSpan> Delays { get; } = new();

    /// <summary>The validation code CommitStatus answers with.</summary>
    public TxValidationCode CommitCode { get; set; } = TxValidationCode.Valid;

    /// <summary>The block CommitStatus reports, and the next block to commit for event streams.</summary>
    public ulong BlockNumber { get; set; } = 7;

    /// <summary>Committed chaincode events by block, streamed by ChaincodeEvents.</summary>
    public ConcurrentDictionary<ulong, IReadOnlyList<ChaincodeEvent>> Events { get; } = new();

    /// <summary>Committed blocks by number, streamed by Deliver and DeliverFiltered.</summary>
    public ConcurrentDictionary<ulong, Block> Blocks { get; } = new();

    /// <summary>A Fabric status Deliver answers with instead of blocks.</summary>
    public Ceiba.Network.Protos.Common.Status? DeliverStatus { get; set; }

    public ConcurrentQueue<Envelope> SeekRequests { get; } = new();

    public ConcurrentQueue<EvaluateRequest> Evaluated { get; } = new();

    /// <summary>The W3C <c>traceparent</c> header of each Endorse call, empty when absent.</summary>
    public ConcurrentQueue<string> EndorseTraceParents { get; } = new();

    public ConcurrentQueue<EndorseRequest> Endorsed { get; } = new();

    public ConcurrentQueue<SubmitRequest> Submitted { get; } = new();

    public ConcurrentQueue<SignedCommitStatusRequest> StatusRequests { get; } = new();

    public ConcurrentQueue<SignedChaincodeEventsRequest> EventRequests { get; } = new();

    /// <summary>The transaction IDs the fake "ordered".</summary>
    public ConcurrentDictionary<string, bool> Ordered { get; } = new();
}
