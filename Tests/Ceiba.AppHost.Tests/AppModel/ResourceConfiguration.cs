using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Ceiba.AppHost.Tests.AppModel;

/// <summary>
/// A resource's arguments and environment as its callbacks produce them, unresolved: strings stay strings, endpoint
/// and parameter references stay references (the model is not started, so endpoints have no allocated port).
/// </summary>
public static class ResourceConfiguration
{
    public static async Task<IReadOnlyList<object>> ArgsAsync(IResource resource, CancellationToken cancellationToken)
    {
        var args = new List<object>();
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(new CommandLineArgsCallbackContext(args, resource, cancellationToken));
        }
        return args;
    }

    public static async Task<IReadOnlyDictionary<string, object>> EnvironmentAsync(IResource resource, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, object>(StringComparer.Ordinal);
        var context = new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run);
        // The OTLP exporter's callback needs the started app's services; it is checked through its annotation instead.
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>().Where(c => !IsOtlpCallback(c)))
        {
            await callback.Callback(new EnvironmentCallbackContext(context, resource, environment, cancellationToken));
        }
        return environment;
    }

    private static bool IsOtlpCallback(EnvironmentCallbackAnnotation callback) =>
        callback.Callback.Method.DeclaringType?.FullName?.Contains("Otlp", StringComparison.Ordinal) == true;

    /// <summary>The string arguments only, in order.</summary>
    public static IReadOnlyList<string> Strings(IReadOnlyList<object> args) => [.. args.Select(a => a as string ?? $"<{a.GetType().Name}>")];
}
