namespace Ceiba.Network.Topology.Generation;

/// <summary>How <see cref="NetworkGenerator"/> treats an existing output directory.</summary>
public sealed record GenerationOptions
{
    /// <summary>Discard existing keys and certificates and generate everything anew.</summary>
    public bool Force { get; init; }

    /// <summary>Whether nodes serve TLS; plaintext is for local runs only.</summary>
    public bool TlsEnabled { get; init; } = true;

    /// <summary>The clock for certificate validity and block timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
