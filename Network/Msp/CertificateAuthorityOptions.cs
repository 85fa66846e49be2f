namespace Ceiba.Network.Msp;

/// <summary>Options for creating a <see cref="CertificateAuthority"/>.</summary>
public sealed record CertificateAuthorityOptions
{
    /// <summary>Ten years: cryptogen's validity for every certificate.</summary>
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(3650);

    /// <summary>Country, province and locality of the CA and of what it issues. Default: <see cref="SubjectLocation.Default"/>.</summary>
    public SubjectLocation Location { get; init; } = SubjectLocation.Default;

    /// <summary>Start of the CA certificate's validity. Default: <see cref="Clock"/> now, less 5 minutes.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Length of the CA certificate's validity. Default: 10 years.</summary>
    public TimeSpan Validity { get; init; } = DefaultValidity;

    /// <summary>The clock that sets default validity periods. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
