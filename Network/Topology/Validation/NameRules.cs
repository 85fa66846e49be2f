using System.Text.RegularExpressions;

namespace Ceiba.Network.Topology.Validation;

/// <summary>The shapes names must have: they become host names, folder names, Fabric identifiers.</summary>
internal static partial class NameRules
{
    public const string DnsLabelExpectation = "a DNS label: 1–63 letters, digits or '-', not starting or ending with '-'";
    public const string LowerDnsLabelExpectation = "a lower-case DNS label: 1–63 of a–z, 0–9 or '-', not starting or ending with '-'";
    public const string DomainExpectation = "a DNS domain such as \"habana.ceiba.local\": DNS labels joined by '.', at most 253 characters";
    public const string MspIdExpectation = "an MSP ID of letters, digits, '.' and '-' (what Fabric's policy principals allow), such as \"HabanaMSP\"";
    public const string ChannelExpectation = "a channel name as Fabric requires: a lower-case letter, then a–z, 0–9, '.' or '-', under 250 characters";
    public const string ChaincodeExpectation = "a chaincode name that is a DNS label and that Fabric accepts: letters and digits, single '-' between them, such as \"ehr\"";
    public const string VersionExpectation = "a version of letters, digits, '.', '_', '+' or '-', such as \"1.0\"";
    public const string LabelExpectation = "a package label that starts with a letter or digit, then letters, digits, '.', '_', '+' or '-', such as \"ehr_1.0\"";

    public static bool IsDnsLabel(string? s) => s is not null && DnsLabel().IsMatch(s);

    public static bool IsLowerDnsLabel(string? s) => IsDnsLabel(s) && s == s!.ToLowerInvariant();

    public static bool IsDomain(string? s) =>
        !string.IsNullOrEmpty(s) && s.Length <= 253 && s.Split('.').All(IsDnsLabel);

    public static bool IsMspId(string? s) => s is not null && MspId().IsMatch(s);

    public static bool IsChannelName(string? s) => s is not null && s.Length < 250 && ChannelName().IsMatch(s);

    public static bool IsChaincodeName(string? s) => IsDnsLabel(s) && ChaincodeName().IsMatch(s!);

    public static bool IsVersion(string? s) => s is not null && Version().IsMatch(s);

    public static bool IsLabel(string? s) => s is not null && Label().IsMatch(s);

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]*$")]
    private static partial Regex MspId();

    [GeneratedRegex("^[a-z][a-z0-9.-]*$")]
    private static partial Regex ChannelName();

    [GeneratedRegex("^[a-zA-Z0-9]+(?:[-_][a-zA-Z0-9]+)*$")]
    private static partial Regex ChaincodeName();

    [GeneratedRegex("^[A-Za-z0-9_.+-]+$")]
    private static partial Regex Version();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.+-]*$")]
    private static partial Regex Label();
}
