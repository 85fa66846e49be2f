using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>
/// Writes the JSON schema of parameter and return types for the contract metadata, and collects the
/// complex types it meets as <c>components.schemas</c> entries, referenced as
/// <c>#/components/schemas/Name</c> as the Java and Node contract APIs do.
/// </summary>
internal sealed class SchemaCatalog
{
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly List<(string Name, JsonTypeInfo Info, ITransactionSerializer Serializer)> _components = [];
    private readonly Dictionary<Type, string> _names = [];

    /// <summary>Writes <c>{ ...schema... }</c> for a type.</summary>
    /// <param name="writer">The metadata writer.</param>
    /// <param name="type">A parameter, return or property type.</param>
    /// <param name="serializer">The serializer of the contract that uses the type.</param>
    public void WriteSchema(Utf8JsonWriter writer, Type type, ITransactionSerializer serializer)
    {
        writer.WriteStartObject();
        WriteSchemaBody(writer, Nullable.GetUnderlyingType(type) ?? type, serializer);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the <c>schemas</c> object: every complex type met so far, including the ones its own
    /// properties lead to, in the order they were first met.
    /// </summary>
    /// <param name="writer">The metadata writer, positioned inside <c>components</c>.</param>
    public void WriteComponents(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("schemas");
        for (var i = 0; i < _components.Count; i++)
        {
            var (name, info, serializer) = _components[i];
            writer.WriteStartObject(name);
            writer.WriteString("$id", name);
            writer.WriteString("type", "object");
            writer.WriteBoolean("additionalProperties", false);
            writer.WriteStartObject("properties");
            foreach (var property in info.Properties)
            {
                writer.WritePropertyName(property.Name);
                WriteSchema(writer, property.PropertyType, serializer);
            }

            writer.WriteEndObject();
            var required = info.Properties.Where(property => property.IsRequired).Select(property => property.Name).ToList();
            if (required.Count > 0)
            {
                writer.WriteStartArray("required");
                required.ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private void WriteSchemaBody(Utf8JsonWriter writer, Type type, ITransactionSerializer serializer)
    {
        if (WellKnownSchemas.TryGet(type, out var wellKnown))
        {
            writer.WriteString("type", wellKnown.Type);
            if (wellKnown.Format is not null)
            {
                writer.WriteString("format", wellKnown.Format);
            }

            return;
        }

        var info = serializer.GetJsonTypeInfo(type);
        switch (info?.Kind)
        {
            case JsonTypeInfoKind.Enumerable when info.ElementType is not null:
                writer.WriteString("type", "array");
                writer.WritePropertyName("items");
                WriteSchema(writer, info.ElementType, serializer);
                break;
            case JsonTypeInfoKind.Dictionary when info.ElementType is not null:
                writer.WriteString("type", "object");
                writer.WritePropertyName("additionalProperties");
                WriteSchema(writer, info.ElementType, serializer);
                break;
            case JsonTypeInfoKind.Object:
                writer.WriteString("$ref", ComponentPrefix + ComponentName(type, info, serializer));
                break;
            case null:
                writer.WriteString("type", "object");
                break;
            default:
                // JsonElement, object and custom converters: any JSON value.
                break;
        }
    }

    private string ComponentName(Type type, JsonTypeInfo info, ITransactionSerializer serializer)
    {
        if (_names.TryGetValue(type, out var known))
        {
            return known;
        }

        var name = FriendlyName(type);
        if (_names.ContainsValue(name))
        {
            name = (type.FullName ?? name).Replace('.', '_').Replace('+', '_');
        }

        _names[type] = name;
        _components.Add((name, info, serializer));
        return name;
    }

    private static string FriendlyName(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var baseName = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return baseName + "Of" + string.Concat(type.GetGenericArguments().Select(FriendlyName));
    }
}
