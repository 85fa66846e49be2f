using System.Globalization;

namespace Ceiba.Benchmarks.OrdererLoad;

/// <summary>
/// The benchmark's command line: <c>[envelopes] [streams] [window] [tls] [--catch-up] [--env KEY=VALUE]...</c>.
/// <c>--env</c> sets an environment variable of the orderer processes only (e.g. GC settings);
/// <c>--catch-up</c> kills orderer2 before the measured load and restarts it afterwards, timing its catch-up.
/// </summary>
internal sealed record BenchmarkOptions(int Envelopes, int Streams, int Window, bool Tls, bool CatchUp, IReadOnlyDictionary<string, string> OrdererEnvironment)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var positional = new List<string>();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var catchUp = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--catch-up":
                    catchUp = true;
                    break;
                case "--env" when i + 1 < args.Length && args[i + 1].Split('=', 2) is [var key, var value]:
                    environment[key] = value;
                    i++;
                    break;
                case var other when other.StartsWith("--", StringComparison.Ordinal):
                    throw new ArgumentException($"unknown option '{other}': expected --catch-up or --env KEY=VALUE");
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        int At(int index, int fallback) => positional.Count > index ? int.Parse(positional[index], CultureInfo.InvariantCulture) : fallback;
        return new BenchmarkOptions(At(0, 50_000), At(1, 6), At(2, 1000), positional.Count <= 3 || bool.Parse(positional[3]), catchUp, environment);
    }
}
