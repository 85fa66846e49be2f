using BenchmarkDotNet.Running;
using Ceiba.Benchmarks;

if (args is ["--gateway-cpu", ..])
{
    await GatewayClientCpu.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
