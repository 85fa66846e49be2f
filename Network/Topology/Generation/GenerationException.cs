namespace Ceiba.Network.Topology.Generation;

/// <summary>Network material could not be generated, e.g. the output directory is not writable.</summary>
public sealed class GenerationException(string message, Exception? inner = null) : Exception(message, inner);
