using System.Text;

namespace Ceiba.Chaincode.Shim;

/// <summary>
/// A composite key's parts. Fabric encodes a composite key as U+0000, the object type, U+0000, then each
/// attribute followed by U+0000; simple keys never start with U+0000, so the two key spaces never mix.
/// </summary>
/// <param name="ObjectType">The object type.</param>
/// <param name="Attributes">The attributes, in index order.</param>
public sealed record CompositeKey(string ObjectType, IReadOnlyList<string> Attributes)
{
    /// <summary>The separator and namespace marker, U+0000.</summary>
    public const char Separator = '\u0000';

    /// <summary>U+10FFFF, the largest code point; appended to a partial key to bound a range query.</summary>
    public const string MaxUnicodeRune = "\U0010FFFF";

    /// <summary>Encodes a composite key.</summary>
    /// <param name="objectType">The object type.</param>
    /// <param name="attributes">The attributes.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">A part contains U+0000 or U+10FFFF, or is not valid UTF-16.</exception>
    public static string Create(string objectType, IReadOnlyList<string> attributes)
    {
        ArgumentNullException.ThrowIfNull(objectType);
        ArgumentNullException.ThrowIfNull(attributes);
        Validate(objectType, nameof(objectType));
        var builder = new StringBuilder().Append(Separator).Append(objectType).Append(Separator);
        foreach (var attribute in attributes)
        {
            ArgumentNullException.ThrowIfNull(attribute, nameof(attributes));
            Validate(attribute, nameof(attributes));
            builder.Append(attribute).Append(Separator);
        }
        return builder.ToString();
    }

    /// <summary>Decodes a composite key.</summary>
    /// <param name="compositeKey">The key, which must start with U+0000.</param>
    /// <returns>The parts.</returns>
    /// <exception cref="ArgumentException">The key is not a composite key.</exception>
    public static CompositeKey Parse(string compositeKey)
    {
        ArgumentNullException.ThrowIfNull(compositeKey);
        if (compositeKey.Length < 2 || compositeKey[0] != Separator || compositeKey[^1] != Separator)
        {
            throw new ArgumentException("Not a composite key: it must start and end with U+0000.", nameof(compositeKey));
        }
        var parts = compositeKey[1..^1].Split(Separator);
        return new CompositeKey(parts[0], parts[1..]);
    }

    /// <summary>The encoded key.</summary>
    /// <returns>The same string as <see cref="Create"/>.</returns>
    public override string ToString() => Create(ObjectType, Attributes);

    private static void Validate(string part, string parameterName)
    {
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c == Separator)
            {
                throw new ArgumentException($"Composite key part [{part}] contains U+0000, which is not allowed.", parameterName);
            }
            if (char.IsHighSurrogate(c) && i + 1 < part.Length && char.IsLowSurrogate(part[i + 1]))
            {
                if (char.ConvertToUtf32(c, part[i + 1]) == 0x10FFFF)
                {
                    throw new ArgumentException($"Composite key part [{part}] contains U+10FFFF, which is not allowed.", parameterName);
                }
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"Composite key part [{part}] is not valid UTF-16 (lone surrogate).", parameterName);
            }
        }
    }
}
