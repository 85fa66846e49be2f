using BenchmarkDotNet.Running;
using Ceiba.Benchmarks.Shim;

// The shim load program (docs/performance-shim.md): a chaincode server in a child process, driven over loopback.
if (args is ["shim-load", .. var loadArgs])
{
    return await ShimLoad.RunAsync(loadArgs);
}
if (args is ["shim-serve", ..])
{
    return await ShimLoad.ServeAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
