namespace Ceiba.Testing;

/// <summary>Node or npm is missing, failed, or timed out. The message carries node's stderr.</summary>
public sealed class NodeInteropException(string message, Exception? innerException = null)
    : Exception(message, innerException);
