using System.Collections;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Ceiba.Testing;

/// <summary>Turns a C# protobuf message into the field description that <c>encode.js</c> builds with the Node bindings.</summary>
internal static class NodeProtosDescriber
{
    public static JsonObject DescribeFields(IMessage message)
    {
        var fields = new JsonObject();
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (!IsSet(field, message))
            {
                continue;
            }
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                fields[JsName(field) + "Map"] = DescribeMap(field, (IDictionary)value);
            }
            else if (field.IsRepeated)
            {
                fields[JsName(field) + "List"] = new JsonArray([.. ((IList)value).Cast<object>().Select(item => DescribeValue(field, item))]);
            }
            else
            {
                fields[JsName(field)] = DescribeValue(field, value);
            }
        }
        return fields;
    }

    private static bool IsSet(FieldDescriptor field, IMessage message)
    {
        if (field.IsMap || field.IsRepeated)
        {
            return ((ICollection)field.Accessor.GetValue(message)).Count > 0;
        }
        if (field.HasPresence)
        {
            return field.Accessor.HasValue(message);
        }
        return field.Accessor.GetValue(message) switch
        {
            string s => s.Length > 0,
            ByteString b => !b.IsEmpty,
            bool b => b,
            Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture) != 0,
            IConvertible n => Convert.ToDouble(n, System.Globalization.CultureInfo.InvariantCulture) != 0,
            var other => other is not null,
        };
    }

    private static JsonNode DescribeMap(FieldDescriptor field, IDictionary map)
    {
        var keyField = field.MessageType.FindFieldByNumber(1);
        var valueField = field.MessageType.FindFieldByNumber(2);
        if (keyField.FieldType == FieldType.String)
        {
            var byName = new JsonObject();
            foreach (DictionaryEntry entry in map)
            {
                byName[(string)entry.Key] = DescribeValue(valueField, entry.Value!);
            }
            return byName;
        }
        var entries = new JsonArray();
        foreach (DictionaryEntry entry in map)
        {
            entries.Add(new JsonArray(DescribeValue(keyField, entry.Key), DescribeValue(valueField, entry.Value!)));
        }
        return new JsonObject { ["$entries"] = entries };
    }

    private static JsonNode? DescribeValue(FieldDescriptor field, object value) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => NodeProtos.Message(field.MessageType.FullName, DescribeFields((IMessage)value)),
        FieldType.Bytes => NodeProtos.Bytes(((ByteString)value).Span),
        FieldType.Enum => JsonValue.Create(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value),
    };

    // The Node bindings name accessors from the lower-cased proto name, camel-cased at underscores:
    // proposal_bytes -> proposalBytes, startKey -> startkey, TransientMap -> transientmap.
    private static string JsName(FieldDescriptor field)
    {
        var parts = field.Name.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
