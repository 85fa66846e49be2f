using Ceiba.AppHost.Runtimes.Fabric;

namespace Ceiba.AppHost.Tests.Fabric;

/// <summary>Checks shared by the container spec tests: container paths resolve through the spec's mounts to real files.</summary>
internal static class SpecAssertions
{
    /// <summary>The host path a container path maps to through the spec's bind mounts, or null when no mount covers it.</summary>
    public static string? HostPath(ContainerSpec spec, string containerPath)
    {
        var mount = spec.Mounts
            .Where(m => containerPath == m.Target || containerPath.StartsWith(m.Target + "/", StringComparison.Ordinal))
            .OrderByDescending(m => m.Target.Length)
            .FirstOrDefault();
        if (mount is null)
        {
            return null;
        }
        var rest = containerPath[mount.Target.Length..].TrimStart('/');
        return rest.Length == 0 ? mount.Source : Path.Combine(mount.Source, rest);
    }

    /// <summary>Asserts that <paramref name="containerPath"/> is a file inside a read-only mount and exists on the host.</summary>
    public static void MountedFile(ContainerSpec spec, string containerPath)
    {
        var host = HostPath(spec, containerPath);
        Assert.True(host is not null, $"{spec.Name}: {containerPath} is not under any mount target ({string.Join(", ", spec.Mounts.Select(m => m.Target))})");
        Assert.True(File.Exists(host), $"{spec.Name}: {containerPath} maps to {host}, which does not exist");
    }

    /// <summary>Asserts that <paramref name="containerPath"/> is a directory inside a mount and exists on the host.</summary>
    public static void MountedDirectory(ContainerSpec spec, string containerPath)
    {
        var host = HostPath(spec, containerPath);
        Assert.True(host is not null, $"{spec.Name}: {containerPath} is not under any mount target");
        Assert.True(Directory.Exists(host), $"{spec.Name}: {containerPath} maps to {host}, which does not exist");
    }

    /// <summary>Every mount source exists, is absolute, and every target is an absolute Unix path.</summary>
    public static void MountsExist(ContainerSpec spec)
    {
        Assert.NotEmpty(spec.Mounts);
        foreach (var mount in spec.Mounts)
        {
            Assert.True(Path.IsPathFullyQualified(mount.Source), $"{spec.Name}: mount source {mount.Source} is not absolute");
            Assert.True(Directory.Exists(mount.Source) || File.Exists(mount.Source), $"{spec.Name}: mount source {mount.Source} does not exist");
            Assert.StartsWith("/", mount.Target, StringComparison.Ordinal);
        }
        Assert.Equal(spec.Mounts.Count, spec.Mounts.Select(m => m.Target).Distinct().Count());
    }

    /// <summary>The list value of an orderer.yaml list override, <c>[a,b]</c>.</summary>
    public static IReadOnlyList<string> ListValue(string value)
    {
        Assert.StartsWith("[", value, StringComparison.Ordinal);
        Assert.EndsWith("]", value, StringComparison.Ordinal);
        return value[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
