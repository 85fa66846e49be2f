namespace Ceiba.Network.Topology.Validation;

/// <summary>One broken rule, before it is tied to a file: the JSON path, the offending value as written, what was expected.</summary>
internal sealed record ValidationIssue(string Path, string Value, string Expected);
