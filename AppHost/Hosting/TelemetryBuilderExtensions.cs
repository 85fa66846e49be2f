using Aspire.Hosting.ApplicationModel;

namespace Ceiba.AppHost.Hosting;

/// <summary>
/// Telemetry settings for a measuring harness. Aspire's development defaults trace every request of every resource
/// (<c>always_on</c>) and export metrics every second; under load that makes each node export every call and keeps the
/// dashboard busy on the same cores as the network being measured. Here the workload decides: it starts a trace for
/// <see cref="HarnessOptions.TraceSampleRatio"/> of its transactions and every other resource follows the caller's
/// decision (<c>parentbased_always_on</c>), so a sampled transaction is still traced through every node.
/// </summary>
public static class TelemetryBuilderExtensions
{
    /// <summary>How often resources export metrics to the dashboard, in milliseconds.</summary>
    public const string MetricExportIntervalMilliseconds = "5000";

    /// <summary>Applies the harness's sampling and export settings to every resource that exports telemetry.</summary>
    /// <remarks>Call after every resource is added: these callbacks run after Aspire's own OTLP settings and win.</remarks>
    public static IDistributedApplicationBuilder WithHarnessTelemetry(this IDistributedApplicationBuilder builder, HarnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var resource in builder.Resources.OfType<IResourceWithEnvironment>().Where(r => r.Annotations.OfType<OtlpExporterAnnotation>().Any()))
        {
            var isWorkload = string.Equals(resource.Name, AppBuilderExtensions.LoadTestsName, StringComparison.Ordinal);
            resource.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
            {
                var environment = context.EnvironmentVariables;
                environment["OTEL_METRIC_EXPORT_INTERVAL"] = MetricExportIntervalMilliseconds;
                if (isWorkload)
                {
                    environment["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio";
                    environment["OTEL_TRACES_SAMPLER_ARG"] = options.TraceSampleRatio.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    environment["OTEL_TRACES_SAMPLER"] = "parentbased_always_on";
                }

                return Task.CompletedTask;
            }));
        }

        return builder;
    }
}
