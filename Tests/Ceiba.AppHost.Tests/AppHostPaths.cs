namespace Ceiba.AppHost.Tests;

/// <summary>Where the AppHost project, its build output and the repository are.</summary>
public static class AppHostPaths
{
    /// <summary>The AppHost project folder (the testing metadata names the folder, not the .csproj).</summary>
    public static string ProjectDirectory { get; } = Directory.Exists(Projects.Ceiba_AppHost.ProjectPath)
        ? Projects.Ceiba_AppHost.ProjectPath
        : Path.GetDirectoryName(Projects.Ceiba_AppHost.ProjectPath)!;

    /// <summary>The repository root, the parent of the AppHost folder.</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory, ".."));

    /// <summary>The built AppHost's native launcher.</summary>
    public static string Executable { get; } = Path.Combine(ProjectDirectory, "bin", "Debug", "net10.0", OperatingSystem.IsWindows() ? "Ceiba.AppHost.exe" : "Ceiba.AppHost");
}
