using System.Collections.Frozen;

namespace Ceiba.Chaincode.Ehr.Validation;

/// <summary>Field rules shared by several records: province codes, account ids and e-mail addresses.</summary>
internal static class TextRules
{
    /// <summary>The Cuban province codes: 15 provinces and the Isla de la Juventud (99).</summary>
    public static readonly FrozenSet<string> Provinces = FrozenSet.Create(
        StringComparer.Ordinal, "01", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "99");

    /// <summary>Requires a known two-digit province code.</summary>
    public static void Province(this Validator validator, string? value, string field)
    {
        if (value is null)
        {
            validator.Check(false, field, "is required");
            return;
        }

        validator.Check(Provinces.Contains(value), field, "must be a Cuban province code (01, 03-16 or 99)");
    }

    /// <summary>Requires an account id: 1–64 letters, digits, '.', '_' or '-'.</summary>
    public static void AccountId(this Validator validator, string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            validator.Check(false, field, "is required");
            return;
        }

        var valid = value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
        validator.Check(valid, field, "must be 1-64 characters of letters, digits, '.', '_' or '-'");
    }

    /// <summary>Requires a plausible e-mail address: one '@', a local part and a dotted domain, no spaces, at most 254 characters.</summary>
    public static void Email(this Validator validator, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            validator.Check(false, field, "is required");
            return;
        }

        validator.Check(IsEmail(value), field, "must be an e-mail address such as name@hospital.cu");
    }

    /// <summary>The form of an e-mail used as the login index key: trimmed and lower-case.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (value.Length > 254 || at <= 0 || at > 64 || at != value.LastIndexOf('@') || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c)))
        {
            return false;
        }

        var domain = value[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && !domain.Contains("..", StringComparison.Ordinal)
            && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');
    }
}
