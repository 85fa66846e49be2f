using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp.Internal;

/// <summary>
/// Builds a certificate's chain to an MSP's roots through its intermediates with <see cref="X509Chain"/>:
/// custom root trust only, no revocation or network access, and time ignored (the caller checks
/// each link's validity against its own clock so that the reason names the expired certificate).
/// </summary>
internal sealed class ChainVerifier(IReadOnlyList<X509Certificate2> roots, IReadOnlyList<X509Certificate2> intermediates)
{
    /// <summary>The chain from <paramref name="leaf"/> to a root, as the MSP's own certificate objects; null when there is none.</summary>
    public ChainLink[]? Build(X509Certificate2 leaf)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        try
        {
            if (!chain.Build(leaf))
            {
                return null;
            }

            var links = new ChainLink[chain.ChainElements.Count];
            for (var i = 0; i < links.Length; i++)
            {
                var element = chain.ChainElements[i].Certificate;
                var certificate = i == 0 ? leaf : Find(element);
                if (certificate is null)
                {
                    return null; // the chain went through a certificate that is not the MSP's
                }

                links[i] = new ChainLink(
                    certificate,
                    certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
                    new DateTimeOffset(element.NotBefore.ToUniversalTime()),
                    new DateTimeOffset(element.NotAfter.ToUniversalTime()));
            }

            // The last link must be one of our roots, not a certificate found elsewhere.
            return links.Length > 1 && roots.Any(r => r.RawDataMemory.Span.SequenceEqual(links[^1].Certificate.RawDataMemory.Span)) ? links : null;
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }

    private X509Certificate2? Find(X509Certificate2 element)
    {
        var raw = element.RawDataMemory;
        return roots.FirstOrDefault(c => c.RawDataMemory.Span.SequenceEqual(raw.Span))
            ?? intermediates.FirstOrDefault(c => c.RawDataMemory.Span.SequenceEqual(raw.Span));
    }
}

/// <summary>One certificate of a chain with its validity window.</summary>
internal sealed record ChainLink(X509Certificate2 Certificate, string CommonName, DateTimeOffset NotBefore, DateTimeOffset NotAfter);
