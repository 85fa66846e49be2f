namespace Ceiba.Network.Topology.Policies;

/// <summary>
/// Satisfied when at least <see cref="N"/> of <see cref="Rules"/> are. <c>AND(a, b)</c> is <c>NOutOf(2, [a, b])</c>
/// and <c>OR(a, b)</c> is <c>NOutOf(1, [a, b])</c>. Equality compares the rules element by element.
/// </summary>
/// <param name="N">How many rules must be satisfied.</param>
/// <param name="Rules">The sub-policies.</param>
public sealed record NOutOf(int N, IReadOnlyList<SignaturePolicyExpression> Rules) : SignaturePolicyExpression
{
    /// <summary>All of <paramref name="rules"/>.</summary>
    public static NOutOf And(params IReadOnlyList<SignaturePolicyExpression> rules) => new(rules.Count, rules);

    /// <summary>Any one of <paramref name="rules"/>.</summary>
    public static NOutOf Or(params IReadOnlyList<SignaturePolicyExpression> rules) => new(1, rules);

    /// <inheritdoc />
    public override string Format()
    {
        var rules = string.Join(", ", Rules.Select(r => r.Format()));
        if (N == 1 && Rules.Count >= 1)
        {
            return $"OR({rules})";
        }
        return N == Rules.Count ? $"AND({rules})" : $"OutOf({N}, {rules})";
    }

    /// <inheritdoc />
    public override IEnumerable<SignedBy> Principals() => Rules.SelectMany(r => r.Principals());

    /// <inheritdoc />
    public bool Equals(NOutOf? other) =>
        other is not null && N == other.N && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(N);
        foreach (var rule in Rules)
        {
            hash.Add(rule);
        }
        return hash.ToHashCode();
    }
}
