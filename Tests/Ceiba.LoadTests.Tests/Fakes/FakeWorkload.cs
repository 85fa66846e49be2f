using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads;

namespace Ceiba.LoadTests.Tests.Fakes;

/// <summary>A workload of one fake flow, for running the CLI without a network.</summary>
internal sealed class FakeWorkload(FakeFlow flow) : IWorkload
{
    public IFlowSource Flows => flow;

    public IReadOnlyList<string> Provinces => ["03"];

    public string Description => "fake: one flow, no network";

    public bool Disposed { get; private set; }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
