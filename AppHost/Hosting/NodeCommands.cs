using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Ceiba.AppHost.Hosting;

/// <summary>
/// Dashboard commands for fault injection by hand: <c>crash-node</c> kills the node's process outright (as a power
/// cut would: no graceful shutdown), <c>stop-node</c> stops it gracefully and <c>start-node</c> starts it again.
/// Stop and start go through Aspire's own lifecycle commands, so the orchestrator knows what happened.
/// </summary>
public static class NodeCommands
{
    public const string Crash = "crash-node";
    public const string Stop = "stop-node";
    public const string Start = "start-node";

    // The snapshot property DCP fills with a running executable's process id (the dashboard's "executable.pid").
    private const string ExecutablePidProperty = "executable.pid";

    /// <summary>Adds the three commands to <paramref name="builder"/>'s resource.</summary>
    public static IResourceBuilder<T> WithNodeCommands<T>(this IResourceBuilder<T> builder) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithCommand(Crash, "Crash node (kill -9)", context => CrashAsync(context, builder.Resource), new CommandOptions
            {
                Description = "Kill the process without a graceful shutdown, to watch the network recover.",
                ConfirmationMessage = $"Kill {builder.Resource.Name} now?",
                IconName = "Flash",
                UpdateState = context => IsRunning(context.ResourceSnapshot) ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            })
            .WithCommand(Stop, "Stop node", context => LifecycleAsync(context, builder.Resource, KnownResourceCommands.StopCommand), new CommandOptions
            {
                Description = "Stop the node gracefully.",
                IconName = "Stop",
                UpdateState = context => IsRunning(context.ResourceSnapshot) ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            })
            .WithCommand(Start, "Start node", context => LifecycleAsync(context, builder.Resource, KnownResourceCommands.StartCommand), new CommandOptions
            {
                Description = "Start the node again after a crash or stop.",
                IconName = "Play",
                UpdateState = context => IsStopped(context.ResourceSnapshot) ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            });
    }

    private static async Task<ExecuteCommandResult> LifecycleAsync(ExecuteCommandContext context, IResource resource, string command)
    {
        var commands = context.Services.GetRequiredService<ResourceCommandService>();
        return await commands.ExecuteCommandAsync(resource, command, context.CancellationToken).ConfigureAwait(false);
    }

    private static Task<ExecuteCommandResult> CrashAsync(ExecuteCommandContext context, IResource resource)
    {
        var notifications = context.Services.GetRequiredService<ResourceNotificationService>();
        if (!notifications.TryGetCurrentState(context.ResourceName, out var state)
            || state.Snapshot.Properties.FirstOrDefault(p => p.Name == ExecutablePidProperty)?.Value is not { } pidValue
            || !int.TryParse(Convert.ToString(pidValue, CultureInfo.InvariantCulture), out var pid))
        {
            return Task.FromResult(CommandResults.Failure($"{resource.Name} has no running process to kill."));
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            return Task.FromResult(CommandResults.Success());
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return Task.FromResult(CommandResults.Failure($"{resource.Name}: process {pid} could not be killed ({error.Message})."));
        }
    }

    private static bool IsRunning(CustomResourceSnapshot snapshot) => snapshot.State?.Text == KnownResourceStates.Running;

    private static bool IsStopped(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state);
}
