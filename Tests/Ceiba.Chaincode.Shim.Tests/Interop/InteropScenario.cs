using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ceiba.Testing.Chaincode;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Tests.Interop;

/// <summary>
/// One fixed sequence of transactions that any chaincode with TestChaincode's functions must answer the same way.
/// Each step becomes one line of observable results: message type, status, message, payload (JSON canonicalised),
/// event, writes, and the requests the chaincode sent. Transaction ids are replaced by their step number and
/// proposal timestamps are fixed, so lines from two runs compare exactly.
/// </summary>
internal sealed class InteropScenario(ChaincodeDriver driver, CancellationToken cancellationToken)
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, 123, TimeSpan.Zero);
    private readonly List<string> _lines = [];
    private readonly List<string> _txIds = [];

    public async Task<IReadOnlyList<string>> RunAsync()
    {
        for (var i = 0; i < 250; i++)
        {
            driver.Ledger.Put($"key{i:000}", Encoding.UTF8.GetBytes($"value{i:000}"));
        }
        await StepAsync("put", "a", "1");
        await StepAsync("put", "b", "2");
        await StepAsync("get", "a");
        await StepAsync("get", "missing");
        await StepAsync("putget", "a", "own-write");
        await StepAsync("del", "b");
        await StepAsync("get", "b");
        await StepAsync("range", "", "");
        await StepAsync("range", "key010", "key015");
        await StepAsync("rangeFirst", "key000", "", "3");
        await StepAsync("page", "", "", "10", "");
        await StepAsync("page", "", "", "10", "key005");
        await StepAsync("putIndexed", "note~person", "n1", "p1", "2024-01-01");
        await StepAsync("putIndexed", "note~person", "n2", "p1", "2024-02-01");
        await StepAsync("putIndexed", "note~person", "n3", "p2", "2024-03-01");
        await StepAsync("partial", "note~person", "p1");
        await StepAsync("partial", "note~person");
        await StepAsync("partialPage", "note~person", "2", "");
        await StepAsync("partialPage", "note~person", "2", CompositeKey.Create("note~person", ["p2", "2024-03-01"]));
        await StepAsync("history", "a");
        await StepAsync("event", "NoteCreated", """{"id":"n1"}""");
        await StepAsync("fail", "404", "note not found");
        await StepAsync("identity");
        await StepAsync("epset", "a", "0a0b0c");
        await StepAsync("epget", "a");
        await StepAsync("privput", "habanaPrivate", "p1", "secret");
        await StepAsync("privget", "habanaPrivate", "p1");
        await StepAsync("privhash", "habanaPrivate", "p1");
        await StepAsync("nosuchfunction");
        await TxInfoStepAsync();
        await StepAsync(MessageType.Init, null, "init", "x", "y");
        return _lines;
    }

    private Task StepAsync(params string[] args) => StepAsync(MessageType.Transaction, null, args);

    private async Task StepAsync(MessageType type, IReadOnlyDictionary<string, byte[]>? transient, params string[] args)
    {
        var proposal = TestProposal.Create(driver.Identity, "ehr", "ehr", args, transient, Start.AddSeconds(_txIds.Count));
        _txIds.Add(proposal.TxId);
        var result = await driver.InvokeAsync(proposal, type: type, cancellationToken: cancellationToken);
        _lines.Add(Describe(string.Join(' ', args), result, Canonical(result.PayloadText)));
    }

    private async Task TxInfoStepAsync()
    {
        var transient = new Dictionary<string, byte[]> { ["password"] = "s3cret"u8.ToArray(), ["salt"] = "pepper"u8.ToArray() };
        var proposal = TestProposal.Create(driver.Identity, "ehr", "ehr", ["txinfo", "p1"], transient, Start.AddSeconds(_txIds.Count));
        _txIds.Add(proposal.TxId);
        var result = await driver.InvokeAsync(proposal, cancellationToken: cancellationToken);
        var info = JsonNode.Parse(result.PayloadText)!;
        var expected = Convert.ToHexStringLower(SHA256.HashData([.. proposal.Nonce, .. proposal.Creator, .. new byte[8]]));
        info["binding"] = (string?)info["binding"] == expected ? "SHA-256(nonce|creator|epoch)" : "WRONG " + (string?)info["binding"];
        _lines.Add(Describe("txinfo p1 +transient", result, Canonical(info.ToJsonString())));
    }

    private string Describe(string step, TransactionResult result, string payload)
    {
        var writes = string.Join(';', result.Writes.Select(w => $"{Printable(w.Collection)}/{Printable(w.Key)}{(w.IsDelete ? " deleted" : "=" + Encoding.UTF8.GetString(w.Value))}"));
        var metadata = string.Join(';', result.MetadataWrites.Select(w => $"{w.Key}:{w.Metakey}={Convert.ToHexStringLower(w.Value)}"));
        var requests = string.Join(',', result.Requests.Where(r => r != MessageType.QueryStateClose));
        var @event = result.Event is null ? "none" : $"{result.Event.EventName}:{result.Event.Payload.ToStringUtf8()}";
        var line = $"{Printable(step)} => {result.Type} {result.Status} '{result.Message}' payload={payload} event={@event} " +
            $"writes=[{writes}] metadata=[{metadata}] requests=[{requests}] earlyCloses={result.EarlyCloses} open={result.OpenQueries}";
        for (var i = 0; i < _txIds.Count; i++)
        {
            line = line.Replace(_txIds[i], $"tx#{i}", StringComparison.Ordinal);
        }
        return line;
    }

    private static string Canonical(string payload)
    {
        try
        {
            return Printable(JsonNode.Parse(payload)?.ToJsonString() ?? payload);
        }
        catch (System.Text.Json.JsonException)
        {
            return Printable(payload);
        }
    }

    private static string Printable(string text) => text.Replace("\u0000", "\\0", StringComparison.Ordinal);
}
