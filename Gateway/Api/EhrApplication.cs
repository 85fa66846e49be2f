namespace Ceiba.Gateway.Api;

/// <summary>Builds the EHR service; <c>Program</c> runs it, tests start it on Kestrel with their own configuration.</summary>
public static class EhrApplication
{
    /// <summary>The configured application, not started.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Changes to the builder before services are added (test configuration, logging).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddServiceDefaults();
        builder.AddApplicationServices();
        var app = builder.Build();
        app.UseApplicationPipeline();
        app.MapApplicationEndpoints();
        app.MapDefaultEndpoints();
        return app;
    }
}
