using System.Reflection;

namespace Ceiba.AppHost.Hosting;

/// <summary>
/// The built executables of the projects the AppHost references. Nodes and chaincode servers run them directly:
/// a project resource would run each under <c>dotnet run</c>, a second process of about 130 MB per node that also
/// leaves its child behind when it is stopped.
/// </summary>
public static class BuiltExecutables
{
    /// <summary>The path of <paramref name="assemblyName"/>'s native launcher in the build output of <paramref name="project"/>.</summary>
    /// <exception cref="HarnessOptionsException">The project has not been built in this configuration.</exception>
    public static string Find(IProjectMetadata project, string assemblyName)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyName);
        var configuration = typeof(BuiltExecutables).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, "bin", configuration, "net10.0");
        var executable = Path.Combine(directory, OperatingSystem.IsWindows() ? assemblyName + ".exe" : assemblyName);
        return File.Exists(executable)
            ? executable
            : throw new HarnessOptionsException($"{executable}: not built; run 'dotnet build {project.ProjectPath} -c {configuration}' (dotnet run --project AppHost builds it).");
    }
}
