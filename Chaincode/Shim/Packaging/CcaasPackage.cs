using System.Security.Cryptography;

namespace Ceiba.Chaincode.Shim.Packaging;

/// <summary>A Fabric chaincode install package (.tgz) and its package id.</summary>
/// <param name="Label">The package label.</param>
/// <param name="Bytes">The package file's bytes.</param>
public sealed record CcaasPackage(string Label, byte[] Bytes)
{
    /// <summary>label + ":" + lowercase hex SHA-256 of the package bytes: the id the peer installs and the chaincode registers with.</summary>
    public string PackageId { get; } = $"{Label}:{Convert.ToHexStringLower(SHA256.HashData(Bytes))}";

    /// <summary>Writes the package, for example to <c>ehr.tgz</c> for <c>peer lifecycle chaincode install</c>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the file is written.</returns>
    public Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return File.WriteAllBytesAsync(path, Bytes, cancellationToken);
    }
}
