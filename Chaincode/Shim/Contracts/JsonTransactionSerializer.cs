using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>
/// The default serializer: strings and byte arrays travel as raw bytes, numbers and booleans as
/// invariant text, and every other type as JSON through a source-generated
/// <see cref="JsonSerializerContext"/> that the contract supplies. No reflection-based JSON is used.
/// </summary>
/// <remarks>Strings are not JSON-quoted, which is what the Node and Java contract APIs do too.</remarks>
/// <param name="context">The source-generated context holding every complex type the contract uses.</param>
public sealed class JsonTransactionSerializer(JsonSerializerContext context) : ITransactionSerializer
{
    /// <summary>A serializer for contracts whose transactions use only strings, numbers, booleans and byte arrays.</summary>
    public static JsonTransactionSerializer PrimitivesOnly { get; } = new(EmptyJsonContext.Default);

    /// <inheritdoc />
    public bool CanSerialize(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return PrimitiveCodec.IsPrimitive(type) || context.GetTypeInfo(type) is not null;
    }

    /// <inheritdoc />
    public object? Deserialize(ReadOnlySpan<byte> data, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (PrimitiveCodec.IsPrimitive(type))
        {
            return PrimitiveCodec.Parse(data, type);
        }

        return JsonSerializer.Deserialize(data, RequireTypeInfo(type));
    }

    /// <inheritdoc />
    public byte[] Serialize(object? value, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (value is null)
        {
            return [];
        }

        if (PrimitiveCodec.IsPrimitive(type))
        {
            return PrimitiveCodec.Format(value);
        }

        return JsonSerializer.SerializeToUtf8Bytes(value, RequireTypeInfo(type));
    }

    /// <inheritdoc />
    public JsonTypeInfo? GetJsonTypeInfo(Type type) => context.GetTypeInfo(type);

    private JsonTypeInfo RequireTypeInfo(Type type) =>
        context.GetTypeInfo(type)
        ?? throw new InvalidOperationException($"Type {type} is not in the serializer context {context.GetType().Name}.");

    /// <summary>Strings, byte arrays, numbers and booleans, which need no JSON contract.</summary>
    private static class PrimitiveCodec
    {
        private static readonly HashSet<Type> Types =
        [
            typeof(string), typeof(byte[]), typeof(bool), typeof(byte), typeof(short), typeof(int), typeof(long),
            typeof(ushort), typeof(uint), typeof(ulong), typeof(float), typeof(double), typeof(decimal),
        ];

        public static bool IsPrimitive(Type type) => Types.Contains(Nullable.GetUnderlyingType(type) ?? type);

        public static object? Parse(ReadOnlySpan<byte> data, Type type)
        {
            if (type == typeof(string))
            {
                return Encoding.UTF8.GetString(data);
            }

            if (type == typeof(byte[]))
            {
                return data.ToArray();
            }

            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying is not null && data.IsEmpty)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(data);
            var target = underlying ?? type;
            var invariant = CultureInfo.InvariantCulture;
            return target switch
            {
                _ when target == typeof(bool) => bool.Parse(text),
                _ when target == typeof(byte) => byte.Parse(text, NumberStyles.Integer, invariant),
                _ when target == typeof(short) => short.Parse(text, NumberStyles.Integer, invariant),
                _ when target == typeof(int) => int.Parse(text, NumberStyles.Integer, invariant),
                _ when target == typeof(long) => long.Parse(text, NumberStyles.Integer, invariant),
                _ when target == typeof(ushort) => ushort.Parse(text, NumberStyles.Integer, invariant),
                _ when target == typeof(uint) => uint.Parse(text, NumberStyles.Integer, invariant),
                _ when target == typeof(ulong) => ulong.Parse(text, NumberStyles.Integer, invariant),
                _ when target == typeof(float) => float.Parse(text, NumberStyles.Float, invariant),
                _ when target == typeof(double) => double.Parse(text, NumberStyles.Float, invariant),
                _ => decimal.Parse(text, NumberStyles.Float, invariant),
            };
        }

        public static byte[] Format(object value) => value switch
        {
            string text => Encoding.UTF8.GetBytes(text),
            byte[] bytes => bytes,
            bool flag => flag ? "true"u8.ToArray() : "false"u8.ToArray(),
            IFormattable number => Encoding.UTF8.GetBytes(number.ToString(null, CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"Type {value.GetType()} is not a primitive."),
        };
    }
}
