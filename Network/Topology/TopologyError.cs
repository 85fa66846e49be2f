namespace Ceiba.Network.Topology;

/// <summary>
/// One problem in a topology file: where (file, JSON path, line), what the file has there, and what was expected.
/// Reads as <c>cuba-3.json: $.orderers.batch.timeout: "0s" — expected a duration greater than 0, such as "2s" (line 41)</c>.
/// </summary>
/// <param name="Source">The file name (or the name given to <see cref="TopologyLoader.Parse"/>).</param>
/// <param name="Path">The JSON path, e.g. <c>$.orgs[1].peers[0].port</c>.</param>
/// <param name="Value">The offending value as written: strings quoted, <c>(missing)</c> for an absent property.</param>
/// <param name="Expected">What a valid file has there.</param>
/// <param name="Line">The 1-based line of the value (or of its nearest enclosing value), when known.</param>
public sealed record TopologyError(string Source, string Path, string Value, string Expected, int? Line = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Source}: {Path}: {Value} — expected {Expected}" + (Line is { } line ? $" (line {line})" : "");
}
