using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ceiba.Chaincode.Shim.Packaging;

/// <summary>
/// Builds Fabric's chaincode-as-a-service install package: a gzipped tar holding <c>metadata.json</c>
/// (<c>{"type":"ccaas","label":...}</c>) and <c>code.tar.gz</c>, which holds <c>connection.json</c>.
/// The bytes are deterministic (fixed times, owners and modes), so the same inputs give the same package id.
/// </summary>
public static partial class CcaasPackageBuilder
{
    /// <summary>The fixed modification time of every entry, so that package ids are stable.</summary>
    public static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const UnixFileMode FileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Builds the package.</summary>
    /// <param name="label">The label: a letter or digit, then letters, digits and <c>_.+-</c> (Fabric's rule).</param>
    /// <param name="connection">Where the peer dials the chaincode server.</param>
    /// <returns>The package and its id.</returns>
    /// <exception cref="ArgumentException">The label breaks Fabric's rule, or the connection has no address.</exception>
    public static CcaasPackage Build(string label, CcaasConnection connection)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(connection);
        if (!LabelPattern().IsMatch(label))
        {
            throw new ArgumentException($"Label '{label}' is not a Fabric package label (^[A-Za-z0-9][A-Za-z0-9_.+-]*$).", nameof(label));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(connection.Address, nameof(connection));

        var code = TarGz(("connection.json", JsonSerializer.SerializeToUtf8Bytes(connection, Json)));
        var metadata = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["type"] = "ccaas", ["label"] = label }, Json);
        return new CcaasPackage(label, TarGz(("metadata.json", metadata), ("code.tar.gz", code)));
    }

    private static byte[] TarGz(params (string Name, byte[] Content)[] files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
                {
                    ModificationTime = EntryTime,
                    Mode = FileMode,
                    Uid = 0,
                    Gid = 0,
                    UserName = string.Empty,
                    GroupName = string.Empty,
                    DataStream = new MemoryStream(content, writable: false),
                };
                tar.WriteEntry(entry);
            }
        }
        var bytes = output.ToArray();
        // The gzip header's OS byte depends on the platform zlib was built for; pin it to Unix (3).
        bytes[9] = 3;
        return bytes;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.+-]*$")]
    private static partial Regex LabelPattern();
}
