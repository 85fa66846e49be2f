using Aspire.Hosting.ApplicationModel;
using Ceiba.AppHost.Hosting;

namespace Ceiba.AppHost.Tests.AppModel;

/// <summary>The harness's trace sampling and metric export settings, read from the app model without starting anything.</summary>
public sealed class TelemetryAppModelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_workload_samples_its_transactions_and_every_other_resource_follows_the_caller()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--topology", "seed", "--trace-sample-ratio", "0.25"], Ct);

        // Act
        var workload = await ResourceConfiguration.EnvironmentAsync(model.Resource<IResource>(AppBuilderExtensions.LoadTestsName), Ct);
        var followers = new Dictionary<string, IReadOnlyDictionary<string, object>>();
        foreach (var name in new[] { "orderer0", "peer0-habana", "ehr-habana", AppBuilderExtensions.GatewayApiName })
        {
            followers[name] = await ResourceConfiguration.EnvironmentAsync(model.Resource<IResource>(name), Ct);
        }

        // Assert
        Assert.Equal("parentbased_traceidratio", workload["OTEL_TRACES_SAMPLER"]);
        Assert.Equal("0.25", workload["OTEL_TRACES_SAMPLER_ARG"]);
        Assert.Equal(TelemetryBuilderExtensions.MetricExportIntervalMilliseconds, workload["OTEL_METRIC_EXPORT_INTERVAL"]);
        Assert.All(followers, f =>
        {
            Assert.Equal("parentbased_always_on", f.Value["OTEL_TRACES_SAMPLER"]);
            Assert.False(f.Value.ContainsKey("OTEL_TRACES_SAMPLER_ARG"), f.Key);
            Assert.Equal(TelemetryBuilderExtensions.MetricExportIntervalMilliseconds, f.Value["OTEL_METRIC_EXPORT_INTERVAL"]);
        });
    }

    [Fact]
    public async Task The_harness_settings_run_after_Aspires_own_OTLP_settings_so_they_win()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--topology", "seed"], Ct);

        // Act
        var order = model.Resources
            .Where(r => r.Annotations.OfType<OtlpExporterAnnotation>().Any())
            .Select(r => (r.Name, Callbacks: r.Annotations.OfType<EnvironmentCallbackAnnotation>().Select(c => c.Callback.Method.DeclaringType?.FullName ?? "").ToList()))
            .ToList();

        // Assert
        Assert.Contains(order, r => r.Name == AppBuilderExtensions.LoadTestsName);
        Assert.All(order, r =>
        {
            var aspire = r.Callbacks.FindLastIndex(c => c.Contains("Otlp", StringComparison.Ordinal));
            var harness = r.Callbacks.FindLastIndex(c => c.Contains(nameof(TelemetryBuilderExtensions), StringComparison.Ordinal));
            Assert.True(aspire >= 0 && harness > aspire, $"{r.Name}: Aspire's OTLP callback at {aspire}, the harness's at {harness}");
        });
    }

    [Fact]
    public async Task The_default_ratio_traces_one_transaction_in_a_hundred()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--topology", "seed"], Ct);

        // Act
        var workload = await ResourceConfiguration.EnvironmentAsync(model.Resource<IResource>(AppBuilderExtensions.LoadTestsName), Ct);

        // Assert
        Assert.Equal("0.01", workload["OTEL_TRACES_SAMPLER_ARG"]);
    }
}
