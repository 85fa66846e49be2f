using Ceiba.LoadTests.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// ServiceDefaults for the generator: the Ceiba.LoadTests meter and the Gateway client's spans leave the process over
// OTLP when the AppHost sets OTEL_EXPORTER_OTLP_ENDPOINT (or on the console with Ceiba:Telemetry:Console). The host is
// built, not run: the CLI keeps its own console and Ctrl+C handling, and disposing the host flushes the exporters.
var telemetry = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "loadtests", DisableDefaults = true });
telemetry.Configuration.AddEnvironmentVariables(); // DisableDefaults drops them; OTEL_* and Ceiba__Telemetry__* come from here
telemetry.AddServiceDefaults();
using var host = telemetry.Build();
_ = host.Services.GetService<MeterProvider>();
_ = host.Services.GetService<TracerProvider>();

return await CliApp.RunAsync(args, CancellationToken.None);
