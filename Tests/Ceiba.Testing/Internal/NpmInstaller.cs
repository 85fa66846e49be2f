using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Ceiba.Testing.Internal;

/// <summary>
/// Installs Tests/interop's pinned packages with <c>npm ci</c> unless node_modules already matches the lockfile.
/// Test projects run in parallel processes, so installs are serialized with a lock file.
/// </summary>
internal static class NpmInstaller
{
    private const string StampFileName = ".ceiba-lock-sha256";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _installed;

    public static async Task EnsureInstalledAsync(string interopDirectory, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _installed))
        {
            return;
        }
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_installed)
            {
                return;
            }
            await CheckNodeAsync(interopDirectory, cancellationToken).ConfigureAwait(false);
            var lockfile = Path.Combine(interopDirectory, "package-lock.json");
            if (!File.Exists(lockfile))
            {
                throw new NodeInteropException($"Missing {lockfile}.");
            }
            var lockHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(lockfile)));
            if (!IsInstalled(interopDirectory, lockHash))
            {
                await using var crossProcessLock = await AcquireLockAsync(interopDirectory, cancellationToken).ConfigureAwait(false);
                // Another test process may have installed while this one waited.
                if (!IsInstalled(interopDirectory, lockHash))
                {
                    await RunNpmCiAsync(interopDirectory, cancellationToken).ConfigureAwait(false);
                    File.WriteAllText(Path.Combine(interopDirectory, "node_modules", StampFileName), lockHash);
                }
            }
            _installed = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task CheckNodeAsync(string interopDirectory, CancellationToken cancellationToken)
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            var result = await ProcessRunner.RunAsync(
                tool, ["--version"], interopDirectory, new Dictionary<string, string>(), "", TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new NodeInteropException($"'{tool} --version' failed ({result.ExitCode}): {result.StandardError}");
            }
        }
    }

    private static bool IsInstalled(string interopDirectory, string lockHash)
    {
        var modules = Path.Combine(interopDirectory, "node_modules");
        var stamp = Path.Combine(modules, StampFileName);
        if (File.Exists(stamp) && File.ReadAllText(stamp).Trim() == lockHash)
        {
            return true;
        }
        // Installed by hand with npm install/ci: compare npm's own record of node_modules with the lockfile.
        var hidden = Path.Combine(modules, ".package-lock.json");
        if (!File.Exists(hidden) || !SameNonOptionalPackages(Path.Combine(interopDirectory, "package-lock.json"), hidden))
        {
            return false;
        }
        File.WriteAllText(stamp, lockHash);
        return true;
    }

    private static bool SameNonOptionalPackages(string lockfile, string hiddenLockfile)
    {
        var wanted = JsonNode.Parse(File.ReadAllText(lockfile))?["packages"]?.AsObject();
        var present = JsonNode.Parse(File.ReadAllText(hiddenLockfile))?["packages"]?.AsObject();
        if (wanted is null || present is null)
        {
            return false;
        }
        foreach (var (path, entry) in wanted)
        {
            if (path.Length == 0 || entry?["optional"]?.GetValue<bool>() == true)
            {
                continue;
            }
            if (present[path]?["version"]?.GetValue<string>() != entry?["version"]?.GetValue<string>())
            {
                return false;
            }
        }
        return true;
    }

    private static async Task RunNpmCiAsync(string interopDirectory, CancellationToken cancellationToken)
    {
        // No install scripts: the packages we use are plain JavaScript, and native builds (pkcs11js) are not needed.
        var result = await ProcessRunner.RunAsync(
            "npm",
            ["ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            interopDirectory,
            new Dictionary<string, string>(),
            "",
            InstallTimeout,
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new NodeInteropException(
                $"npm ci in {interopDirectory} failed with code {result.ExitCode}.{Environment.NewLine}{result.StandardOutput}{Environment.NewLine}{result.StandardError}");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string interopDirectory, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(interopDirectory))))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"ceiba-npm-{key}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
