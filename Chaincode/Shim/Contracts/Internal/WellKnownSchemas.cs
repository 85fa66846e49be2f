namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>JSON schema types and formats of the scalar .NET types, as OpenAPI names them.</summary>
internal static class WellKnownSchemas
{
    private static readonly Dictionary<Type, (string Type, string? Format)> Schemas = new()
    {
        [typeof(string)] = ("string", null),
        [typeof(bool)] = ("boolean", null),
        [typeof(byte)] = ("integer", "int32"),
        [typeof(short)] = ("integer", "int32"),
        [typeof(ushort)] = ("integer", "int32"),
        [typeof(int)] = ("integer", "int32"),
        [typeof(uint)] = ("integer", "int64"),
        [typeof(long)] = ("integer", "int64"),
        [typeof(ulong)] = ("integer", "int64"),
        [typeof(float)] = ("number", "float"),
        [typeof(double)] = ("number", "double"),
        [typeof(decimal)] = ("number", null),
        [typeof(byte[])] = ("string", "byte"),
        [typeof(DateOnly)] = ("string", "date"),
        [typeof(DateTime)] = ("string", "date-time"),
        [typeof(DateTimeOffset)] = ("string", "date-time"),
        [typeof(Guid)] = ("string", "uuid"),
    };

    /// <summary>Looks up a scalar type.</summary>
    /// <param name="type">The type, without <see cref="Nullable{T}"/>.</param>
    /// <param name="schema">Its JSON schema type and optional format.</param>
    /// <returns>Whether the type is a known scalar.</returns>
    public static bool TryGet(Type type, out (string Type, string? Format) schema) =>
        Schemas.TryGetValue(type, out schema);
}
