namespace Ceiba.Gateway.Api.Fabric;

/// <summary>The generated network material could not be read; the message names the file and the field.</summary>
public sealed class NetworkMaterialException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NetworkMaterialException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public NetworkMaterialException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
