using System.Globalization;
using Ceiba.LoadTests.Engine;

namespace Ceiba.LoadTests.Scenarios;

/// <summary>The rules a parsed scenario must meet; every broken rule becomes one <see cref="ScenarioError"/>.</summary>
public static class ScenarioValidator
{
    private static readonly string[] KnownStages =
        [StageNames.Endorse, StageNames.Submit, StageNames.Commit, StageNames.EndToEnd, StageNames.CommitAtThreshold];

    public static IReadOnlyList<ScenarioError> Validate(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = new List<ScenarioError>();
        void Fail(string path, object? value, string expectation) => errors.Add(new ScenarioError(path, Show(value), expectation));

        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            Fail("$.name", scenario.Name, "a non-empty name");
        }
        if (scenario.Duration is null && scenario.MaxTransactions is null && scenario.Load?.Model != LoadModel.Saturation)
        {
            Fail("$.duration", null, "a duration, a maxTransactions, or both, to bound the run");
        }
        if (scenario.Duration is { } duration && duration <= TimeSpan.Zero)
        {
            Fail("$.duration", duration, "a duration above zero");
        }
        if (scenario.MaxTransactions is { } max && max <= 0)
        {
            Fail("$.maxTransactions", max, "a count of at least 1");
        }
        if (scenario.Warmup < TimeSpan.Zero)
        {
            Fail("$.warmup", scenario.Warmup, "zero or a positive duration");
        }
        if (scenario.TransactionTimeout <= TimeSpan.Zero)
        {
            Fail("$.transactionTimeout", scenario.TransactionTimeout, "a duration above zero");
        }
        if (scenario.CommitThresholdPeers is { } peers && peers < 1)
        {
            Fail("$.commitThresholdPeers", peers, "at least 1 peer, or no value for every peer");
        }
        if (scenario.Load is null)
        {
            Fail("$.load", null, "a load profile");
        }
        else
        {
            ValidateLoad(scenario.Load, Fail);
        }
        ValidateMix(scenario.Mix, Fail);
        if (scenario.Thresholds is { } thresholds)
        {
            ValidateThresholds(thresholds, Fail);
        }
        return errors;
    }

    private static void ValidateLoad(LoadProfile load, Action<string, object?, string> fail)
    {
        var model = load.Model.ToString().ToLowerInvariant();
        if (load.Model != LoadModel.Open && load.Phases is not null)
        {
            fail("$.load.phases", $"{load.Phases.Count} phases", $"no phases for the {model} model (phases belong to the open model)");
        }
        if (load.Model != LoadModel.Closed && load.Users is not null)
        {
            fail("$.load.users", load.Users, $"no users for the {model} model (users belong to the closed model)");
        }
        if (load.Model != LoadModel.Saturation && load.Saturation is not null)
        {
            fail("$.load.saturation", "a saturation plan", $"no saturation plan for the {model} model");
        }
        switch (load.Model)
        {
            case LoadModel.Open when load.Phases is null || load.Phases.Count == 0:
                fail("$.load.phases", load.Phases is null ? null : "[]", "at least one arrival phase for the open model");
                break;
            case LoadModel.Open:
                for (var i = 0; i < load.Phases.Count; i++)
                {
                    var phase = load.Phases[i];
                    var path = $"$.load.phases[{i}]";
                    if (!double.IsFinite(phase.Rate) || phase.Rate < 0)
                    {
                        fail($"{path}.rate", phase.Rate, "arrivals per second, zero or more");
                    }
                    if (phase.RampTo is { } to && (!double.IsFinite(to) || to < 0))
                    {
                        fail($"{path}.rampTo", to, "arrivals per second, zero or more");
                    }
                    if (phase.Duration <= TimeSpan.Zero)
                    {
                        fail($"{path}.duration", phase.Duration, "a duration above zero");
                    }
                }
                if (load.Phases.All(phase => phase.Rate <= 0 && (phase.RampTo ?? 0) <= 0))
                {
                    fail("$.load.phases", "every rate is 0", "at least one phase that offers load");
                }
                break;
            case LoadModel.Closed:
                if (load.Users is not { } users || users < 1)
                {
                    fail("$.load.users", load.Users, "at least 1 virtual user for the closed model");
                }
                if (load.ThinkTime is { } think && think < TimeSpan.Zero)
                {
                    fail("$.load.thinkTime", think, "zero or a positive duration");
                }
                break;
            case LoadModel.Saturation when load.Saturation is null:
                fail("$.load.saturation", null, "a saturation plan (startRate, stepRate, stepDuration, maxRate, maxP99) for the saturation model");
                break;
            case LoadModel.Saturation:
                ValidateSaturation(load.Saturation, fail);
                break;
        }
    }

    private static void ValidateSaturation(SaturationPlan plan, Action<string, object?, string> fail)
    {
        if (!double.IsFinite(plan.StartRate) || plan.StartRate <= 0)
        {
            fail("$.load.saturation.startRate", plan.StartRate, "arrivals per second above zero");
        }
        if (!double.IsFinite(plan.StepRate) || plan.StepRate <= 0)
        {
            fail("$.load.saturation.stepRate", plan.StepRate, "an increase per step above zero");
        }
        if (!double.IsFinite(plan.MaxRate) || plan.MaxRate < plan.StartRate)
        {
            fail("$.load.saturation.maxRate", plan.MaxRate, $"a rate at least the start rate ({Show(plan.StartRate)})");
        }
        if (plan.StepDuration <= TimeSpan.Zero)
        {
            fail("$.load.saturation.stepDuration", plan.StepDuration, "a duration above zero");
        }
        if (plan.MaxP99 <= TimeSpan.Zero)
        {
            fail("$.load.saturation.maxP99", plan.MaxP99, "a latency above zero");
        }
        if (!double.IsFinite(plan.MaxErrorRate) || plan.MaxErrorRate is < 0 or > 1)
        {
            fail("$.load.saturation.maxErrorRate", plan.MaxErrorRate, "a share between 0 and 1");
        }
    }

    private static void ValidateMix(IReadOnlyList<FlowWeight>? mix, Action<string, object?, string> fail)
    {
        if (mix is null || mix.Count == 0)
        {
            fail("$.mix", mix is null ? null : "[]", "at least one flow with a weight");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < mix.Count; i++)
        {
            var entry = mix[i];
            if (string.IsNullOrWhiteSpace(entry.Flow))
            {
                fail($"$.mix[{i}].flow", entry.Flow, "a flow name");
            }
            else if (!seen.Add(entry.Flow))
            {
                fail($"$.mix[{i}].flow", entry.Flow, "each flow once in the mix");
            }
            if (!double.IsFinite(entry.Weight) || entry.Weight <= 0)
            {
                fail($"$.mix[{i}].weight", entry.Weight, "a relative weight above zero");
            }
        }
    }

    private static void ValidateThresholds(ScenarioThresholds thresholds, Action<string, object?, string> fail)
    {
        if (thresholds.MinThroughput is { } min && (!double.IsFinite(min) || min < 0))
        {
            fail("$.thresholds.minThroughput", min, "transactions per second, zero or more");
        }
        if (thresholds.MaxErrorRate is { } rate && (!double.IsFinite(rate) || rate is < 0 or > 1))
        {
            fail("$.thresholds.maxErrorRate", rate, "a share between 0 and 1");
        }
        foreach (var (stage, limits) in thresholds.Stages ?? new Dictionary<string, StageLimits>())
        {
            var path = $"$.thresholds.stages.{stage}";
            if (!KnownStages.Contains(stage, StringComparer.Ordinal))
            {
                fail(path, stage, $"a stage name: {string.Join(", ", KnownStages)}");
                continue;
            }
            if (limits.P95 is { } p95 && p95 <= TimeSpan.Zero)
            {
                fail($"{path}.p95", p95, "a latency above zero");
            }
            if (limits.P99 is { } p99 && p99 <= TimeSpan.Zero)
            {
                fail($"{path}.p99", p99, "a latency above zero");
            }
            if (limits.P95 is null && limits.P99 is null)
            {
                fail(path, "{}", "a p95 or p99 limit");
            }
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "(missing)",
        TimeSpan span => $"\"{DurationJsonConverter.Format(span)}\"",
        string text => $"\"{text}\"",
        double number => number.ToString("G", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
