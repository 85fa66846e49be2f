using System.Text.Json;
using Ceiba.Gateway.Api.Accounts;
using Ceiba.Gateway.Api.Auth;
using Ceiba.Gateway.Api.Endpoints;
using Ceiba.Gateway.Api.Fabric;
using Ceiba.Gateway.Api.Http;

namespace Ceiba.Gateway.Api;

/// <summary>The EHR service's services, middleware and endpoints.</summary>
public static class Extensions
{
    /// <summary>Registers the Fabric connection layer, auth, the default admin, problem details and OpenAPI.</summary>
    public static TBuilder AddApplicationServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<FabricOptions>(builder.Configuration.GetSection(FabricOptions.Section));
        services.Configure<DefaultAdminOptions>(builder.Configuration.GetSection(DefaultAdminOptions.Section));
        services.AddSingleton<FabricGateways>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<LoginService>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DefaultAdminState>();
        services.AddHostedService<DefaultAdminSeeder>();
        services.AddHealthChecks().AddCheck<DefaultAdminState>("default-admin");
        services.AddEhrAuthentication(builder.Configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<UnexpectedErrorHandler>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.AddOpenApi();
        return builder;
    }

    /// <summary>Error handling, status code problems, authentication and authorization.</summary>
    public static WebApplication UseApplicationPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps <c>/api</c> and <c>/openapi/v1.json</c>.</summary>
    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").AddEndpointFilter<FabricErrorFilter>();
        api.MapAuthEndpoints();
        api.MapRecordEndpoints();
        api.MapHistoryEndpoints();
        app.MapOpenApi();
        return app;
    }
}
