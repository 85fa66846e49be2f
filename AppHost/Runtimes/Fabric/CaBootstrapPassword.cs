using System.Security.Cryptography;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// The password of a CA's bootstrap admin (<c>fabric-ca-server start -b admin:&lt;password&gt;</c>): generated once
/// per CA with a cryptographic random source and kept in <c>fabric/secrets/&lt;ca&gt;.admin-password</c> (owner-only on
/// Unix) so restarts reuse it and the admin can enroll with it. Never a fixed value.
/// </summary>
public static class CaBootstrapPassword
{
    /// <summary>The bootstrap admin's enrollment id.</summary>
    public const string AdminName = "admin";

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private const int Length = 24;

    /// <summary>The password file of CA <paramref name="caName"/>, relative to the network root.</summary>
    public static string RelativePath(string caName)
    {
        ArgumentException.ThrowIfNullOrEmpty(caName);
        return Path.Combine(ContainerPaths.SecretsDirectory, $"{caName}.admin-password");
    }

    /// <summary>Reads the CA's password, generating and storing it on first use.</summary>
    /// <exception cref="FabricRuntimeException">The stored file is empty or holds characters a password cannot have here.</exception>
    public static string ReadOrCreate(FabricNetworkFolder network, string caName)
    {
        ArgumentNullException.ThrowIfNull(network);
        var path = network.Full(RelativePath(caName));
        if (File.Exists(path))
        {
            var stored = File.ReadAllText(path).Trim();
            if (stored.Length == 0 || stored.Any(c => !Alphabet.Contains(c)))
            {
                throw new FabricRuntimeException(
                    $"{path}: expected one line of letters and digits (the CA admin password); delete the file to generate a new one.");
            }
            return stored;
        }
        network.CreatedDirectory(ContainerPaths.SecretsDirectory);
        var password = RandomNumberGenerator.GetString(Alphabet, Length);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            writer.WriteLine(password);
        }
        return password;
    }
}
