using System.Text.Json.Serialization.Metadata;

namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>
/// Turns transaction arguments into typed parameters and return values into the response
/// payload. A contract chooses its serializer in <see cref="ContractBase.Serializer"/>.
/// </summary>
public interface ITransactionSerializer
{
    /// <summary>Whether values of <paramref name="type"/> can be read and written; checked once at start-up.</summary>
    /// <param name="type">A parameter or return type of a transaction function.</param>
    bool CanSerialize(Type type);

    /// <summary>Reads one transaction argument.</summary>
    /// <param name="data">The argument bytes as the client sent them.</param>
    /// <param name="type">The parameter type.</param>
    /// <returns>The value, or <see langword="null"/> for an absent optional value.</returns>
    /// <exception cref="FormatException">The bytes are not a value of the type.</exception>
    /// <exception cref="System.Text.Json.JsonException">The bytes are not valid JSON for the type.</exception>
    object? Deserialize(ReadOnlySpan<byte> data, Type type);

    /// <summary>Writes a return value as the response payload.</summary>
    /// <param name="value">The value a transaction function returned; may be <see langword="null"/>.</param>
    /// <param name="type">The declared return type (without <see cref="Task{TResult}"/>).</param>
    /// <returns>The payload; empty for <see langword="null"/>.</returns>
    byte[] Serialize(object? value, Type type);

    /// <summary>
    /// The JSON contract of a complex type, which the metadata uses to describe it; <see langword="null"/>
    /// when the serializer has none (the metadata then says only "object").
    /// </summary>
    /// <param name="type">A complex parameter or return type.</param>
    JsonTypeInfo? GetJsonTypeInfo(Type type);
}
