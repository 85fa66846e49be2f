using System.Globalization;
using System.Text.RegularExpressions;

namespace Ceiba.Gateway.Api.Fabric;

using Ceiba.Gateway.Client;

/// <summary>
/// The chaincode's own answer inside a gateway error: Fabric peers report a failed chaincode call as
/// <c>chaincode response &lt;status&gt;, &lt;message&gt;</c> in each node's error detail.
/// </summary>
/// <param name="Status">The chaincode's status (400, 403, 404, 409, 500, ...).</param>
/// <param name="Message">The chaincode's message.</param>
public sealed partial record ChaincodeError(int Status, string Message)
{
    /// <summary>The chaincode error carried by <paramref name="exception"/>, preferring a 4xx one; null if there is none.</summary>
    public static ChaincodeError? From(GatewayException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var found = exception.Details.Select(d => Parse(d.Message)).Append(Parse(exception.Status.Detail)).OfType<ChaincodeError>().ToList();
        return found.FirstOrDefault(e => e.Status is >= 400 and < 500) ?? found.FirstOrDefault();
    }

    /// <summary>Parses one message; null if it holds no chaincode response.</summary>
    public static ChaincodeError? Parse(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var match = ResponsePattern().Match(message);
        return match.Success
            ? new ChaincodeError(int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture), match.Groups["message"].Value.Trim())
            : null;
    }

    /// <summary>
    /// The fields named by a chaincode validation message (<c>Invalid note: note_date must be ...; note_text is required.</c>),
    /// field name to messages; empty when the message does not have that form.
    /// </summary>
    public Dictionary<string, string[]> FieldErrors()
    {
        var match = ValidationPattern().Match(Message);
        if (!match.Success)
        {
            return [];
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var part in match.Groups["errors"].Value.TrimEnd('.').Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var field = FieldPattern().Match(part);
            if (!field.Success)
            {
                return [];
            }

            var key = field.Groups["field"].Value;
            if (!errors.TryGetValue(key, out var messages))
            {
                errors[key] = messages = [];
            }

            messages.Add(part);
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"chaincode response (?<status>\d{3}), (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex ResponsePattern();

    [GeneratedRegex(@"^Invalid [a-z_]+: (?<errors>.+)$", RegexOptions.Singleline)]
    private static partial Regex ValidationPattern();

    [GeneratedRegex(@"^(?<field>[a-z][a-z0-9_]*) ")]
    private static partial Regex FieldPattern();
}
