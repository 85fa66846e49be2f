namespace Ceiba.Network.Topology.Policies;

/// <summary>
/// A policy text that does not parse. The message names what was expected, the 0-based position and the text:
/// <c>expected ')' at position 12 in "AND('A.peer'"</c>.
/// </summary>
public sealed class PolicySyntaxException : FormatException
{
    /// <summary>Creates the exception for <paramref name="text"/> failing at <paramref name="position"/>.</summary>
    public PolicySyntaxException(string text, int position, string expected)
        : base($"expected {expected} at position {position} in \"{text}\"")
    {
        Text = text;
        Position = position;
        Expected = expected;
    }

    /// <summary>The policy text.</summary>
    public string Text { get; }

    /// <summary>The 0-based character position of the error; the text's length when input ended early.</summary>
    public int Position { get; }

    /// <summary>What the parser expected at <see cref="Position"/>.</summary>
    public string Expected { get; }
}
