using System.Globalization;
using System.Text;
using System.Text.Json;
using Ceiba.Chaincode.Ehr.Models;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Ehr.Validation;

/// <summary>
/// Collects the problems of one record, field by field, and reports them all at once as a 400 whose
/// message and payload name each field.
/// </summary>
/// <param name="record">The record type in messages, for example <c>note</c>.</param>
internal sealed class Validator(string record)
{
    private const string IsoDate = "yyyy-MM-dd";
    private readonly List<FieldError> _errors = [];

    /// <summary>A required id: must be &gt; 0.</summary>
    public void Id(long value, string field) => Check(value > 0, field, "is required and must be > 0");

    /// <summary>An optional id: must be &gt; 0 when given.</summary>
    public void OptionalId(long? value, string field) => Check(value is null or > 0, field, "must be > 0 when given");

    /// <summary>A required concept id: must be &gt; 0.</summary>
    public void Concept(int value, string field) => Check(value > 0, field, "must be a concept id > 0");

    /// <summary>An optional concept id: must be &gt; 0 when given.</summary>
    public void OptionalConcept(int? value, string field) => Check(value is null or > 0, field, "must be a concept id > 0 when given");

    /// <summary>A required text of at most <paramref name="maxLength"/> characters.</summary>
    public void Required(string? value, int maxLength, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return;
        }

        MaxLength(value, maxLength, field);
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters.</summary>
    public void MaxLength(string? value, int maxLength, string field) =>
        Check(value is null || value.Length <= maxLength, field, $"must be at most {maxLength} characters (got {value?.Length})");

    /// <summary>An optional text of at most <paramref name="maxBytes"/> bytes once encoded as UTF-8.</summary>
    public void MaxUtf8Bytes(string? value, int maxBytes, string field)
    {
        var bytes = value is null ? 0 : Encoding.UTF8.GetByteCount(value);
        Check(bytes <= maxBytes, field, $"must be at most {maxBytes} bytes of UTF-8 (got {bytes})");
    }

    /// <summary>An ISO date (yyyy-MM-dd); returns it when valid.</summary>
    public DateOnly? Date(string? value, string field, bool required)
    {
        if (value is null)
        {
            Check(!required, field, "is required");
            return null;
        }

        if (DateOnly.TryParseExact(value, IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(field, $"must be an ISO date (yyyy-MM-dd), got '{Shorten(value)}'");
        return null;
    }

    /// <summary>An end date that must not come before its start date (checked only when both are valid).</summary>
    public void NotBefore(DateOnly? end, string endField, DateOnly? start, string startField) =>
        Check(end is null || start is null || end >= start, endField, $"must not be before {startField}");

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>] when given.</summary>
    public void Range(long? value, long min, long max, string field) =>
        Check(value is null || (value >= min && value <= max), field, $"must be between {min} and {max}");

    /// <summary>A quantity that must not be negative when given.</summary>
    public void NonNegative(double? value, string field) =>
        Check(value is null || (value >= 0 && double.IsFinite(value.Value)), field, "must be a finite number >= 0");

    /// <summary>Records a problem unless <paramref name="valid"/>.</summary>
    public void Check(bool valid, string field, string problem)
    {
        if (!valid)
        {
            Add(field, problem);
        }
    }

    /// <summary>Fails with 400 when any field is invalid.</summary>
    /// <exception cref="ChaincodeException">Status 400; the payload is a <see cref="ValidationProblem"/>.</exception>
    public void ThrowIfInvalid()
    {
        if (_errors.Count == 0)
        {
            return;
        }

        var message = $"Invalid {record}: {string.Join("; ", _errors.Select(error => $"{error.Field} {error.Message}"))}.";
        var payload = JsonSerializer.SerializeToUtf8Bytes(new ValidationProblem(_errors), EhrJsonContext.Default.ValidationProblem);
        throw new ChaincodeException(ChaincodeStatus.BadRequest, message, payload);
    }

    private void Add(string field, string problem) => _errors.Add(new FieldError(field, problem));

    private static string Shorten(string value) => value.Length <= 32 ? value : value[..32] + "…";
}
