using Ceiba.Gateway.Api.Tests;

// One embedded network and one API for the whole assembly: starting a network is the expensive part.
[assembly: AssemblyFixture(typeof(SeedApiFixture))]

// Tests share that network's ledger; one at a time keeps the 2-core machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
