namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>The payload of a 400 validation error: one entry per invalid field, for forms to show.</summary>
/// <param name="Errors">The problems, in field order.</param>
public sealed record ValidationProblem(IReadOnlyList<FieldError> Errors);

/// <summary>One invalid field.</summary>
/// <param name="Field">The JSON field name, for example <c>note_date</c>.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record FieldError(string Field, string Message);
