using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    private const string Valid = """
        {
          // comments and trailing commas are allowed
          "name": "smoke",
          "duration": "30s",
          "warmup": "2s",
          "load": { "model": "open", "phases": [ { "rate": 10, "duration": "10s" }, { "rate": 10, "rampTo": 50, "duration": "20s" } ] },
          "mix": [ { "flow": "doctor-session", "weight": 3 }, { "flow": "register-patient", "weight": 1 }, ],
          "thresholds": { "minThroughput": 5, "maxErrorRate": 0.01, "stages": { "end-to-end": { "p99": "2s" } } }
        }
        """;

    [Fact]
    public void A_valid_scenario_is_read_with_its_defaults()
    {
        // Act
        var scenario = ScenarioLoader.Parse(Valid);

        // Assert
        Assert.Equal("smoke", scenario.Name);
        Assert.Equal(TimeSpan.FromSeconds(30), scenario.Duration);
        Assert.Equal(TimeSpan.FromSeconds(2), scenario.Warmup);
        Assert.Equal(TimeSpan.FromSeconds(30), scenario.TransactionTimeout);
        Assert.Equal(ScenarioTarget.Gateway, scenario.Target);
        Assert.Equal(50, scenario.Load.Phases![1].RampTo);
        Assert.Equal(TimeSpan.FromSeconds(2), scenario.Thresholds!.Stages!["end-to-end"].P99);
    }

    [Fact]
    public void Every_broken_rule_is_reported_with_its_path_value_and_expectation()
    {
        // Arrange
        const string json = """
            {
              "name": "bad",
              "load": { "model": "closed", "users": 0, "phases": [ { "rate": 5, "duration": "1s" } ] },
              "mix": [ { "flow": "a", "weight": 1 }, { "flow": "a", "weight": -2 } ],
              "transactionTimeout": "0s",
              "thresholds": { "maxErrorRate": 1.5, "stages": { "endorsement": { "p99": "1s" } } }
            }
            """;

        // Act
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "bad.json"));

        // Assert
        Assert.Equal("bad.json", error.ScenarioSource);
        Assert.Contains(new ScenarioError("$.duration", "(missing)", "a duration, a maxTransactions, or both, to bound the run"), error.Errors);
        Assert.Contains(new ScenarioError("$.load.users", "0", "at least 1 virtual user for the closed model"), error.Errors);
        Assert.Contains(error.Errors, e => e.Path == "$.load.phases" && e.Expectation.Contains("open model", StringComparison.Ordinal));
        Assert.Contains(new ScenarioError("$.mix[1].flow", "\"a\"", "each flow once in the mix"), error.Errors);
        Assert.Contains(new ScenarioError("$.mix[1].weight", "-2", "a relative weight above zero"), error.Errors);
        Assert.Contains(new ScenarioError("$.transactionTimeout", "\"0s\"", "a duration above zero"), error.Errors);
        Assert.Contains(new ScenarioError("$.thresholds.maxErrorRate", "1.5", "a share between 0 and 1"), error.Errors);
        Assert.Contains(error.Errors, e => e.Path == "$.thresholds.stages.endorsement" && e.Expectation.Contains("end-to-end", StringComparison.Ordinal));
        Assert.Contains("$.mix[1].weight: -2; expected a relative weight above zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_duration_names_its_path_and_the_accepted_forms()
    {
        // Arrange
        var json = Valid.Replace("\"30s\"", "\"thirty\"", StringComparison.Ordinal);

        // Act
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json)).Errors);

        // Assert
        Assert.Equal("$.duration", error.Path);
        Assert.StartsWith("\"thirty\"", error.Value, StringComparison.Ordinal);
        Assert.Contains("\"250ms\"", error.Expectation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_rejected_with_its_path()
    {
        // Arrange
        var json = Valid.Replace("\"warmup\"", "\"warmUp\"", StringComparison.Ordinal);

        // Act
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json)).Errors);

        // Assert
        Assert.Contains("warmUp", error.Path + error.Value, StringComparison.Ordinal);
        Assert.Contains("fields of the scenario model", error.Expectation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_where_text_belongs_says_what_was_expected()
    {
        // Arrange
        var json = Valid.Replace("\"rate\": 10,", "\"rate\": \"ten\",", StringComparison.Ordinal);

        // Act
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json)).Errors[0];

        // Assert
        Assert.Equal("$.load.phases[0].rate", error.Path);
        Assert.Equal("a number", error.Expectation);
    }

    [Fact]
    public void An_unknown_load_model_lists_the_models()
    {
        // Arrange
        var json = Valid.Replace("\"model\": \"open\"", "\"model\": \"opn\"", StringComparison.Ordinal);

        // Act
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json)).Errors[0];

        // Assert
        Assert.Equal("$.load.model", error.Path);
        Assert.Equal("\"open\", \"closed\" or \"saturation\"", error.Expectation);
    }

    [Fact]
    public void Saturation_plans_are_checked()
    {
        // Arrange
        const string json = """
            { "name": "s", "load": { "model": "saturation", "saturation": { "startRate": 100, "stepRate": 0, "stepDuration": "10s", "maxRate": 50, "maxP99": "1s" } },
              "mix": [ { "flow": "a", "weight": 1 } ] }
            """;

        // Act
        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json)).Errors;

        // Assert
        Assert.Equal(["$.load.saturation.stepRate", "$.load.saturation.maxRate"], errors.Select(e => e.Path));
    }

    [Fact]
    public void An_unknown_scenario_name_lists_what_exists()
    {
        // Act
        var error = Assert.Throws<FileNotFoundException>(() => ScenarioLoader.Resolve("no-such-scenario"));

        // Assert
        Assert.Contains("no-such-scenario", error.Message, StringComparison.Ordinal);
    }
}
