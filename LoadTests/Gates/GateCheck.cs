namespace Ceiba.LoadTests.Gates;

/// <summary>One threshold checked against a run: what was measured, the limit, and whether it held.</summary>
/// <param name="Gate">What was checked, e.g. <c>end-to-end p99</c> or <c>throughput</c>.</param>
/// <param name="Description">The comparison as printed, e.g. <c>end-to-end p99 2,341 ms &gt; 2,000 ms</c>.</param>
public sealed record GateCheck(string Gate, double Actual, double Limit, string Unit, bool Passed, string Description);
