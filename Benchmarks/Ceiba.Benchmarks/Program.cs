using BenchmarkDotNet.Running;
using Ceiba.Benchmarks;
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
// Client CPU per submitted transaction (docs/performance-gateway-client.md).
if (args is ["--gateway-cpu", ..])
{
    await GatewayClientCpu.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return 0;
}

// Not typeof(Program): the EHR chaincode, referenced through Ceiba.Testing, has a Program of its own.
BenchmarkSwitcher.FromAssembly(typeof(GatewayClientCpu).Assembly).Run(args);
return 0;
