namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>The generated network cannot be run as Fabric containers: a file is missing or a setting is unsupported.</summary>
public sealed class FabricRuntimeException : Exception
{
    /// <summary>Creates the exception with a message that names the file or setting and what was expected.</summary>
    public FabricRuntimeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public FabricRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
