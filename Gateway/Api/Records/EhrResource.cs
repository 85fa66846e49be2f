namespace Ceiba.Gateway.Api.Records;

/// <summary>One REST collection and the chaincode transactions behind it.</summary>
/// <param name="Route">The path under <c>/api</c>, e.g. <c>drug-exposures</c>.</param>
/// <param name="Role">The role allowed to use it.</param>
/// <param name="RecordType">The chaincode's record type (history), e.g. <c>drug_exposure</c>.</param>
/// <param name="TypeName">The chaincode's type name in transaction names, e.g. <c>DrugExposure</c>.</param>
/// <param name="ListName">The plural in the list transaction, e.g. <c>DrugExposures</c>.</param>
/// <param name="IdField">The id field of the record, e.g. <c>drug_exposure_id</c>.</param>
/// <param name="Required">Fields a new record must have (besides the id).</param>
public sealed record EhrResource(string Route, string Role, string RecordType, string TypeName, string ListName, string IdField, IReadOnlyList<string> Required)
{
    /// <summary>Admins and doctors: ids are text, and the API hashes a <c>password</c> into <c>password_hash</c>.</summary>
    public bool IsAccount => Role == Auth.EhrRoles.Admin;

    /// <summary>The create transaction.</summary>
    public string Create => $"Create{TypeName}";

    /// <summary>The read transaction.</summary>
    public string Get => $"Get{TypeName}";

    /// <summary>The list transaction.</summary>
    public string List => $"List{ListName}";
}
