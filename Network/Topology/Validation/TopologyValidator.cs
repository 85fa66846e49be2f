using System.Globalization;
using Ceiba.Network.Topology.Json;

namespace Ceiba.Network.Topology.Validation;

/// <summary>
/// Checks every semantic rule of a topology and reports every broken one, in file order. Split by concern over
/// partial files: organizations, orderers, channels and chaincodes, links, ports and host names.
/// </summary>
internal sealed partial class TopologyValidator
{
    private readonly NetworkTopology _topology;
    private readonly List<ValidationIssue> _issues = [];
    private readonly List<PortUse> _ports = [];
    private readonly List<HostUse> _hosts = [];

    private TopologyValidator(NetworkTopology topology) => _topology = topology;

    /// <summary>Every broken rule of <paramref name="topology"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationIssue> Validate(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var validator = new TopologyValidator(topology);
        validator.Run();
        return validator._issues;
    }

    private void Run()
    {
        if (ReportNullElements())
        {
            return;
        }
        RequireName("$.name", _topology.Name, NameRules.IsDnsLabel, NameRules.DnsLabelExpectation);
        RequireName("$.domain", _topology.Domain, NameRules.IsDomain, NameRules.DomainExpectation);
        ValidateOrgs();
        ValidateOrderers();
        ValidateChannels();
        ValidateChaincodes();
        ValidateLinks();
        ValidatePorts();
        ValidateHostNames();
    }

    private void Error(string path, string value, string expected) => _issues.Add(new ValidationIssue(path, value, expected));

    private void RequireName(string path, string? value, Func<string?, bool> rule, string expected)
    {
        if (!rule(value))
        {
            Error(path, Show(value), expected);
        }
    }

    private void ValidateResources(string path, ResourceLimits? resources)
    {
        if (resources is null)
        {
            return;
        }
        if (resources.Cpus is { } cpus && !(cpus > 0 && double.IsFinite(cpus)))
        {
            Error($"{path}.cpus", Show(cpus), "a number of CPU cores greater than 0, such as 0.5 or 2");
        }
        if (resources.MemoryMb is { } memory && memory <= 0)
        {
            Error($"{path}.memoryMb", Show(memory), "a memory limit in MiB greater than 0, such as 512");
        }
    }

    private static string Show(string? value) => JsonTokenText.Quote(value);

    private static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(TimeSpan value) => JsonTokenText.Quote(DurationText.Format(value));

    private static string ShowList(IEnumerable<string?> items)
    {
        var distinct = items.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? "(there are none)" : string.Join(", ", distinct);
    }

    private static bool SameName(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed record PortUse(string Path, int Port);

    private sealed record HostUse(string Path, string HostName, string[] Causes);
}
