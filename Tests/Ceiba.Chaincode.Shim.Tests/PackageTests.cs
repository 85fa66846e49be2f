using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ceiba.Chaincode.Shim.Packaging;

namespace Ceiba.Chaincode.Shim.Tests;

public sealed class PackageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly CcaasConnection Connection = new()
    {
        Address = "ehr-chaincode.habana:9999",
        TlsRequired = true,
        ClientAuthRequired = true,
        ClientKey = "-----BEGIN PRIVATE KEY-----\nAA==\n-----END PRIVATE KEY-----\n",
        ClientCert = "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n",
        RootCert = "-----BEGIN CERTIFICATE-----\nAQ==\n-----END CERTIFICATE-----\n",
    };

    [Fact]
    public void The_package_id_is_the_label_and_the_sha256_of_the_bytes_and_is_stable()
    {
        // Act
        var first = CcaasPackageBuilder.Build("ehr_1.0", Connection);
        var second = CcaasPackageBuilder.Build("ehr_1.0", Connection);
        var otherAddress = CcaasPackageBuilder.Build("ehr_1.0", Connection with { Address = "elsewhere:9999" });

        // Assert
        Assert.Equal($"ehr_1.0:{Convert.ToHexStringLower(SHA256.HashData(first.Bytes))}", first.PackageId);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(first.PackageId, second.PackageId);
        Assert.NotEqual(first.PackageId, otherAddress.PackageId);
        Assert.Equal(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0 }, first.Bytes[..8]);
        Assert.Equal(3, first.Bytes[9]);
    }

    [Fact]
    public void The_package_holds_ccaas_metadata_and_a_code_archive_with_connection_json()
    {
        // Act
        var package = CcaasPackageBuilder.Build("ehr_1.0", Connection);

        // Assert
        var outer = ReadTarGz(package.Bytes);
        Assert.Equal(["metadata.json", "code.tar.gz"], outer.Keys);
        var metadata = JsonNode.Parse(outer["metadata.json"])!;
        Assert.Equal(("ccaas", "ehr_1.0"), ((string?)metadata["type"], (string?)metadata["label"]));
        var code = ReadTarGz(outer["code.tar.gz"]);
        Assert.Equal(["connection.json"], code.Keys);
        var connection = JsonNode.Parse(code["connection.json"])!;
        Assert.Equal("ehr-chaincode.habana:9999", (string?)connection["address"]);
        Assert.Equal("10s", (string?)connection["dial_timeout"]);
        Assert.Equal(System.Text.Json.JsonValueKind.True, connection["tls_required"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.True, connection["client_auth_required"]!.GetValueKind());
        Assert.Equal(Connection.RootCert, (string?)connection["root_cert"]);
        Assert.Equal(Connection.ClientKey, (string?)connection["client_key"]);
        Assert.Equal(Connection.ClientCert, (string?)connection["client_cert"]);
    }

    [Fact]
    public async Task Gnu_tar_lists_the_package_and_its_code_archive()
    {
        // Arrange
        var directory = Directory.CreateTempSubdirectory("ceiba-ccaas-");
        try
        {
            var path = Path.Combine(directory.FullName, "ehr.tgz");
            await CcaasPackageBuilder.Build("ehr_1.0", Connection).WriteAsync(path, Ct);

            // Act
            var outer = await TarAsync(directory.FullName, "-tzf", "ehr.tgz");
            await TarAsync(directory.FullName, "-xzf", "ehr.tgz");
            var inner = await TarAsync(directory.FullName, "-tzvf", "code.tar.gz");

            // Assert
            Assert.Equal("metadata.json\ncode.tar.gz\n", outer);
            Assert.Contains("connection.json", inner);
            Assert.Contains("2020-01-01", inner);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("_ehr")]
    [InlineData("ehr 1.0")]
    [InlineData("ehr:1")]
    public void Labels_fabric_refuses_are_refused(string label)
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => CcaasPackageBuilder.Build(label, Connection));

        // Assert
        Assert.Equal("label", error.ParamName);
    }

    private static Dictionary<string, byte[]> ReadTarGz(byte[] bytes)
    {
        var files = new Dictionary<string, byte[]>();
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            Assert.Equal(TarEntryType.RegularFile, entry.EntryType);
            using var content = new MemoryStream();
            entry.DataStream!.CopyTo(content);
            files.Add(entry.Name, content.ToArray());
        }
        return files;
    }

    private static async Task<string> TarAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("tar") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"tar {string.Join(' ', args)} failed: {error}");
        return output;
    }
}
