using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ceiba.Network.Msp;

namespace Ceiba.Benchmarks;

/// <summary>
/// Signing and verifying a SHA-256 digest through Ceiba's MSP API (low-S normalization, strict DER
/// parsing, high-S rejection) against raw .NET <see cref="ECDsa.SignHash(byte[], DSASignatureFormat)"/> and
/// <see cref="ECDsa.VerifyHash(byte[], byte[], DSASignatureFormat)"/>. Target: our overhead at most 10%.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MspSignatureBenchmarks : IDisposable
{
    private ECDsa _key = null!;
    private Signer _signer = null!;
    private byte[] _digest = null!;
    private byte[] _signature = null!;
    private byte[] _highSSignature = null!;
    private byte[] _serializedIdentity = null!;
    private MembershipServiceProvider _msp = null!;
    private MspIdentity _identity = null!;
    private CertificateAuthority _ca = null!;
    private Credential _credential = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = P256Keys.Generate();
        _signer = Signers.NewPrivateKeySigner(_key);
        _digest = SHA256.HashData("a proposal payload of a few hundred bytes"u8);
        _signature = EcdsaSignature.SignDigest(_key, _digest);
        _highSSignature = EcdsaSignature.ToHighS(_signature);

        _ca = CertificateAuthority.CreateRoot("ca.habana.ceiba.local", "habana.ceiba.local");
        _credential = _ca.IssueIdentity("User1@habana.ceiba.local", NodeOURole.Client);
        _msp = new MembershipServiceProvider(new MspDefinition("HabanaMSP", [_ca.Certificate]) { NodeOUs = NodeOUConfig.Standard(_ca.Certificate) });
        _serializedIdentity = SerializedIdentities.Serialize("HabanaMSP", _credential.Certificate);
        _identity = _msp.Validate(_serializedIdentity).Identity ?? throw new InvalidOperationException("setup identity is invalid");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Sign")]
    public byte[] RawSignHash() => _key.SignHash(_digest, DSASignatureFormat.Rfc3279DerSequence);

    [Benchmark, BenchmarkCategory("Sign")]
    public byte[] CeibaSignDigest() => EcdsaSignature.SignDigest(_key, _digest);

    [Benchmark, BenchmarkCategory("Sign")]
    public byte[] CeibaSigner() => _signer(_digest);

    [Benchmark(Baseline = true), BenchmarkCategory("Verify")]
    public bool RawVerifyHash() => _key.VerifyHash(_digest, _signature, DSASignatureFormat.Rfc3279DerSequence);

    [Benchmark, BenchmarkCategory("Verify")]
    public SignatureStatus CeibaVerifyDigest() => EcdsaSignature.VerifyDigest(_key, _digest, _signature);

    [Benchmark, BenchmarkCategory("VerifyCertificateKey")]
    public SignatureStatus CeibaIdentityVerifyDigest() => _identity.VerifyDigest(_digest, _signature);

    [Benchmark(Baseline = true), BenchmarkCategory("VerifyCertificateKey")]
    public bool RawVerifyHashCertificateKey() => _identity.PublicKey.VerifyHash(_digest, _signature, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>The extra work signing adds in the worst case: parse, s → n − s, re-encode.</summary>
    [Benchmark, BenchmarkCategory("Overhead")]
    public byte[] NormalizeHighSSignature() => EcdsaSignature.NormalizeLowS(_highSSignature);

    /// <summary>The extra work verifying adds: strict DER parse and the low-S check.</summary>
    [Benchmark, BenchmarkCategory("Overhead")]
    public bool StrictParseAndLowSCheck() => EcdsaSignature.IsLowS(_signature);

    /// <summary>Validating a known creator (cached chain), what a peer does for every transaction.</summary>
    [Benchmark, BenchmarkCategory("Validate")]
    public bool ValidateCachedIdentity() => _msp.Validate(_serializedIdentity).IsValid;

    [GlobalCleanup]
    public void Dispose()
    {
        _key.Dispose();
        _credential.Dispose();
        _ca.Dispose();
        GC.SuppressFinalize(this);
    }
}
