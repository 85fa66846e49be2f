using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer;

/// <summary>How an orderer node runs beyond its node config file: logging, clock and Raft timing.</summary>
public sealed record OrdererNodeOptions
{
    /// <summary>Configures logging; default console logging at Information.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>The clock for certificate validity and seek timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The lower Raft election timeout; the upper is twice this, and heartbeats go every tenth of it.
    /// Fabric's default is 5 s (10 ticks of 500 ms); 2 s keeps fail-over quick without elections under load.
    /// </summary>
    public TimeSpan ElectionTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
