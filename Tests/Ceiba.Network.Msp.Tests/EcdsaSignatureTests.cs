using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Ceiba.Network.Msp.Internal;

namespace Ceiba.Network.Msp.Tests;

public sealed class EcdsaSignatureTests : IDisposable
{
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);

    private readonly ECDsa _key = P256Keys.Generate();
    private readonly byte[] _message = Encoding.UTF8.GetBytes("proposal bytes of a Person record for Pinar del Río");

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Signatures_are_always_low_s_and_verify()
    {
        // Arrange
        var signer = Signers.NewPrivateKeySigner(_key);
        var highSeen = 0;

        for (var i = 0; i < 500; i++)
        {
            // Act
            var digest = SHA256.HashData(BitConverter.GetBytes(i));
            var signature = signer(digest);

            // Assert: the raw platform signature would be high-S about half the time; ours never is.
            var (_, s) = Decode(signature);
            Assert.True(s <= N / 2, $"signature {i} has high S");
            Assert.Equal(SignatureStatus.Valid, EcdsaSignature.VerifyDigest(_key, digest, signature));
            highSeen += _key.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence) is var raw && Decode(raw).S > N / 2 ? 1 : 0;
        }

        Assert.InRange(highSeen, 150, 350); // the normalization had work to do
    }

    [Fact]
    public void SignMessage_hashes_with_sha256_then_signs()
    {
        // Arrange
        var signer = Signers.NewPrivateKeySigner(_key);

        // Act
        var signature = signer.SignMessage(_message);

        // Assert
        Assert.Equal(SignatureStatus.Valid, EcdsaSignature.VerifyMessage(_key, _message, signature));
        Assert.True(_key.VerifyData(_message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Verify_rejects_the_high_s_twin_of_a_valid_signature()
    {
        // Arrange
        var signature = EcdsaSignature.SignMessage(_key, _message);
        var (r, s) = Decode(signature);
        var twin = Encode(r, N - s);

        // Act
        var status = EcdsaSignature.VerifyMessage(_key, _message, twin);

        // Assert: the twin is a mathematically valid ECDSA signature, which Fabric still refuses.
        Assert.True(_key.VerifyData(_message, twin, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.Equal(SignatureStatus.HighS, status);
        Assert.Equal(twin, EcdsaSignature.ToHighS(signature));
        Assert.Equal(signature, EcdsaSignature.NormalizeLowS(twin));
    }

    [Fact]
    public void Verify_rejects_a_truncated_signature()
    {
        // Arrange
        var signature = EcdsaSignature.SignMessage(_key, _message);

        // Act / Assert: every proper prefix is malformed.
        for (var length = 0; length < signature.Length; length++)
        {
            Assert.Equal(SignatureStatus.Malformed, EcdsaSignature.VerifyMessage(_key, _message, signature.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Verify_rejects_trailing_garbage()
    {
        // Arrange
        var signature = EcdsaSignature.SignMessage(_key, _message);
        byte[] withGarbage = [.. signature, 0x00];
        byte[] withGarbageInside = [0x30, (byte)(signature[1] + 1), .. signature[2..], 0x00];

        // Act
        var after = EcdsaSignature.VerifyMessage(_key, _message, withGarbage);
        var inside = EcdsaSignature.VerifyMessage(_key, _message, withGarbageInside);

        // Assert
        Assert.Equal(SignatureStatus.Malformed, after);
        Assert.Equal(SignatureStatus.Malformed, inside);
    }

    [Fact]
    public void Verify_rejects_a_signature_by_another_key()
    {
        // Arrange
        using var other = P256Keys.Generate();
        var signature = EcdsaSignature.SignMessage(other, _message);

        // Act
        var status = EcdsaSignature.VerifyMessage(_key, _message, signature);

        // Assert
        Assert.Equal(SignatureStatus.Invalid, status);
    }

    [Fact]
    public void Verify_rejects_a_signature_over_another_message()
    {
        // Arrange
        var signature = EcdsaSignature.SignMessage(_key, _message);

        // Act
        var status = EcdsaSignature.VerifyMessage(_key, "another message"u8, signature);

        // Assert
        Assert.Equal(SignatureStatus.Invalid, status);
    }

    [Theory]
    [InlineData("long-form sequence length")]
    [InlineData("non-minimal integer")]
    [InlineData("negative integer")]
    [InlineData("zero r")]
    [InlineData("r equal to n")]
    [InlineData("wrong sequence tag")]
    [InlineData("wrong integer tag")]
    [InlineData("integer longer than the sequence")]
    public void Verify_rejects_non_strict_der(string defect)
    {
        // Arrange
        var signature = EcdsaSignature.SignMessage(_key, _message);
        var (r, s) = Decode(signature);
        var bad = defect switch
        {
            "long-form sequence length" => [0x30, 0x81, .. signature[1..]],
            "non-minimal integer" => Der(Integer(Minimal(r)[0] >= 0x80 ? [0x00, 0x00, .. Minimal(r)] : [0x00, .. Minimal(r)], allowPadding: true), Integer(Minimal(s))),
            "negative integer" => Der(Integer([0xFF, .. Minimal(r)], allowPadding: true), Integer(Minimal(s))),
            "zero r" => Der(Integer([0x00]), Integer(Minimal(s))),
            "r equal to n" => Der(Integer(Minimal(N)), Integer(Minimal(s))),
            "wrong sequence tag" => [0x31, .. signature[1..]],
            "wrong integer tag" => [signature[0], signature[1], 0x03, .. signature[3..]],
            "integer longer than the sequence" => [signature[0], signature[1], signature[2], (byte)(signature[3] + 1), .. signature[4..]],
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };

        // Act
        var status = EcdsaSignature.VerifyMessage(_key, _message, bad);

        // Assert
        Assert.Equal(SignatureStatus.Malformed, status);
        Assert.False(EcdsaSignature.IsLowS(bad));
    }

    [Fact]
    public void Der_encoding_follows_the_leading_zero_rules()
    {
        // Arrange: r with its top bit set needs a 0x00 pad; s with leading zero bytes must lose them.
        var r = new byte[32];
        r[0] = 0x80;
        r[31] = 0x01;
        var s = new byte[32];
        s[30] = 0x7F;
        s[31] = 0x02;

        // Act
        var der = new byte[DerSignature.GetEncodedSize(r, s)];
        DerSignature.Encode(r, s, der);

        // Assert
        byte[] expected = [0x30, 2 + 33 + 2 + 2, 0x02, 33, 0x00, .. r, 0x02, 2, 0x7F, 0x02];
        Assert.Equal(expected, der);
        Span<byte> parsedR = stackalloc byte[32], parsedS = stackalloc byte[32];
        Assert.True(DerSignature.TryParse(der, parsedR, parsedS));
        Assert.True(parsedR.SequenceEqual(r));
        Assert.True(parsedS.SequenceEqual(s));
    }

    [Fact]
    public void Low_s_normalization_matches_big_integer_arithmetic()
    {
        // Arrange: values around n/2, the boundary of the low-S rule.
        var half = N / 2;
        BigInteger[] values = [BigInteger.One, half - 1, half, half + 1, N - 1];

        foreach (var value in values)
        {
            var signature = Encode(BigInteger.One, value);

            // Act
            var normalized = EcdsaSignature.NormalizeLowS(signature);

            // Assert
            var expected = value > half ? N - value : value;
            Assert.Equal(expected, Decode(normalized).S);
            Assert.Equal(value <= half, EcdsaSignature.IsLowS(signature));
        }
    }

    internal static (BigInteger R, BigInteger S) Decode(byte[] der)
    {
        var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        return (reader.ReadInteger(), reader.ReadInteger());
    }

    internal static byte[] Encode(BigInteger r, BigInteger s)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r);
            writer.WriteInteger(s);
        }

        return writer.Encode();
    }

    private static byte[] Minimal(BigInteger value) => value.ToByteArray(isUnsigned: true, isBigEndian: true);

    private static byte[] Integer(byte[] content, bool allowPadding = false)
    {
        var body = !allowPadding && content[0] >= 0x80 ? [0x00, .. content] : content;
        return [0x02, (byte)body.Length, .. body];
    }

    private static byte[] Der(byte[] r, byte[] s) => [0x30, (byte)(r.Length + s.Length), .. r, .. s];
}
