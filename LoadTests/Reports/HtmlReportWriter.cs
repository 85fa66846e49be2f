using System.Net;
using System.Text;

namespace Ceiba.LoadTests.Reports;

/// <summary>
/// Writes <c>report.html</c>: a single self-contained page, the Markdown report's tables rendered as HTML and every
/// chart embedded as a PNG data URI, so the file can be mailed or archived alone.
/// </summary>
public static class HtmlReportWriter
{
    public static string Write(RunReport report, string markdown, IReadOnlyList<Chart> charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(charts);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(Encode($"Load test: {report.Scenario.Name}")).Append("</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em}")
            .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em}")
            .Append("td:not(:first-child){text-align:right}img{max-width:100%;display:block;margin:1em 0}")
            .Append(".breached{color:#b00020;font-weight:bold}</style>\n</head>\n<body>\n");
        var inTable = false;
        var headerDone = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith('|'))
            {
                var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
                if (cells.All(cell => cell.Trim(':').Length > 0 && cell.Trim(':').All(c => c == '-')))
                {
                    continue;
                }
                if (!inTable)
                {
                    html.Append("<table>\n");
                    inTable = true;
                    headerDone = false;
                }
                var tag = headerDone ? "td" : "th";
                html.Append("<tr>").AppendJoin("", cells.Select(cell => $"<{tag}>{Inline(cell)}</{tag}>")).Append("</tr>\n");
                headerDone = true;
                continue;
            }
            if (inTable)
            {
                html.Append("</table>\n");
                inTable = false;
            }
            if (line.StartsWith("![", StringComparison.Ordinal) || line.Length == 0)
            {
                continue; // charts are embedded below
            }
            html.Append(line switch
            {
                _ when line.StartsWith("### ", StringComparison.Ordinal) => $"<h3>{Inline(line[4..])}</h3>\n",
                _ when line.StartsWith("## ", StringComparison.Ordinal) => $"<h2>{Inline(line[3..])}</h2>\n",
                _ when line.StartsWith("# ", StringComparison.Ordinal) => $"<h1>{Inline(line[2..])}</h1>\n",
                _ when line.StartsWith("- ", StringComparison.Ordinal) => $"<p>• {Inline(line[2..])}</p>\n",
                _ => $"<p>{Inline(line)}</p>\n",
            });
        }
        if (inTable)
        {
            html.Append("</table>\n");
        }
        foreach (var chart in charts)
        {
            html.Append("<figure><img alt=\"").Append(Encode(chart.Title)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(chart.Png)).Append("\"><figcaption>").Append(Encode(chart.Title))
                .Append("</figcaption></figure>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>HTML-encodes a Markdown fragment and turns its <c>**bold**</c> runs into a highlighted span.</summary>
    private static string Inline(string text)
    {
        var encoded = Encode(text);
        var parts = encoded.Split("**");
        var result = new StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            result.Append(i % 2 == 1 ? "<span class=\"breached\">" : "</span>").Append(parts[i]);
        }
        return result.ToString();
    }
}
