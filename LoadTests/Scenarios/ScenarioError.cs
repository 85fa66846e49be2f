namespace Ceiba.LoadTests.Scenarios;

/// <summary>One problem in a scenario file: where (a JSON path such as <c>$.load.phases[1].rate</c>), what was there, and what was expected.</summary>
public sealed record ScenarioError(string Path, string Value, string Expectation)
{
    public override string ToString() => $"{Path}: {Value}; expected {Expectation}";
}
