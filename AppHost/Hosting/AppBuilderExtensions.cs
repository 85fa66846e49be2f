using Aspire.Hosting.ApplicationModel;

namespace Ceiba.AppHost.Hosting;

/// <summary>The applications on top of the network: the EHR service (Gateway.Api) and the workload (LoadTests).</summary>
public static class AppBuilderExtensions
{
    /// <summary>The resource name of the EHR service.</summary>
    public const string GatewayApiName = "gateway-api";

    /// <summary>The resource name of the workload.</summary>
    public const string LoadTestsName = "loadtests";

    /// <summary>The parameter holding the default admin's password; generated once and kept in the AppHost's user secrets.</summary>
    public const string AdminPasswordParameter = "admin-password";

    /// <summary>The default admin's e-mail, as Gateway.Api defaults it.</summary>
    public const string DefaultAdminEmail = "admin@ceiba.local";

    /// <summary>Adds Gateway.Api, configured for <paramref name="network"/> as /work/notes/api-contract.md describes.</summary>
    public static IResourceBuilder<ProjectResource> AddGatewayApi(this IDistributedApplicationBuilder builder, FabricNetwork network)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(network);
        var password = builder.AddParameter(AdminPasswordParameter, new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        return builder.AddProject<Projects.Ceiba_Gateway_Api>(GatewayApiName, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpoint(name: "http")
            .WithEnvironment("Ceiba__Network__Directory", network.Root)
            .WithEnvironment("Ceiba__Network__Channel", network.Channel)
            .WithEnvironment("Ceiba__Network__Chaincode", network.Topology.Chaincodes[0].Name)
            .WithEnvironment("Ceiba__Api__DefaultAdmin__Email", DefaultAdminEmail)
            .WithEnvironment("Ceiba__Api__DefaultAdmin__Password", password)
            .WithHttpHealthCheck("/health", endpointName: "http");
    }

    /// <summary>
    /// Adds the workload: <c>LoadTests run --scenario … --topology … --network … --out … --api …</c>. It runs once and
    /// exits with 0 (gates met), 1 (a gate breached), 2 (bad input) or 3 (failed).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddLoadTests(this IDistributedApplicationBuilder builder, FabricNetwork network, HarnessOptions options, string reportDirectory, IResourceBuilder<ProjectResource> gatewayApi)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gatewayApi);
        var api = gatewayApi.GetEndpoint("http");
        return builder.AddProject<Projects.Ceiba_LoadTests>(LoadTestsName, project => project.ExcludeLaunchProfile = true)
            .WithArgs("run", "--scenario", options.Scenario, "--topology", options.Topology, "--network", network.Root, "--out", reportDirectory, "--api", api)
            .WithEnvironment("Ceiba__LoadTests__Scenario", options.Scenario)
            .WithEnvironment("Ceiba__Network__Directory", network.Root)
            .WithEnvironment("Ceiba__LoadTests__Out", reportDirectory)
            .WithEnvironment("Ceiba__LoadTests__Api", api)
            .WithReference(gatewayApi);
    }

    /// <summary>Where one run's report goes: <c>&lt;reports&gt;/&lt;topology&gt;-&lt;scenario&gt;-&lt;UTC time&gt;</c>.</summary>
    public static string ReportDirectoryFor(HarnessOptions options, string topologyName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scenario = Path.GetFileNameWithoutExtension(options.Scenario);
        return Path.Combine(options.ReportsDirectory, $"{topologyName}-{scenario}-{now.UtcDateTime:yyyyMMdd-HHmmss}");
    }
}
