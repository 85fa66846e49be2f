using System.Collections.Concurrent;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Contracts.Tests.Contracts;

/// <summary>A contract whose hooks record what ran, in order, and which uses its own context type.</summary>
[Contract(Name = "recording", IsDefault = true)]
internal sealed class RecordingContract : ContractBase
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public bool RejectInBefore { get; set; }

    public bool AcceptUnknown { get; set; }

    public override Context CreateContext(IChaincodeStub stub) => new RecordingContext(stub);

    public override Task BeforeTransactionAsync(Context context)
    {
        Calls.Enqueue($"before:{context.TransactionName}");
        if (RejectInBefore)
        {
            throw new ChaincodeException(ChaincodeStatus.Forbidden, "stopped by BeforeTransaction");
        }

        ((RecordingContext)context).Stamp = "stamped";
        return Task.CompletedTask;
    }

    public override Task AfterTransactionAsync(Context context, object? result)
    {
        Calls.Enqueue($"after:{context.TransactionName}:{result ?? "null"}");
        return Task.CompletedTask;
    }

    public override Task UnknownTransactionAsync(Context context)
    {
        Calls.Enqueue($"unknown:{context.TransactionName}");
        return AcceptUnknown ? Task.CompletedTask : base.UnknownTransactionAsync(context);
    }

    [Transaction]
    public string Run(RecordingContext context, string input)
    {
        Calls.Enqueue($"run:{input}");
        return $"{input}:{context.Stamp}";
    }

    [Transaction]
    public string Crash(RecordingContext context)
    {
        Calls.Enqueue("crash");
        throw new InvalidOperationException("boom");
    }

    [Transaction(Intent = TransactionIntent.Evaluate)]
    public string WhoAmI(Context context) => $"{context.ClientIdentity.MspId}/{context.ClientIdentity.GetAttributeValue("role")}";
}

/// <summary>A context subclass carrying state from BeforeTransaction to the function.</summary>
internal sealed class RecordingContext(IChaincodeStub stub) : Context(stub)
{
    public string? Stamp { get; set; }
}
