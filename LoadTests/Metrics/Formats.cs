using System.Globalization;

namespace Ceiba.LoadTests.Metrics;

/// <summary>Number formats shared by the console, the reports and the gates.</summary>
public static class Formats
{
    /// <summary>A share (0–1) as a percentage with two decimals and no space: <c>9.09%</c>.</summary>
    public static string Percent(double share) =>
        (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
