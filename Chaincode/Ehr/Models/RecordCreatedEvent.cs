namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>
/// The payload of the chaincode event each create sets (for example <c>NoteCreated</c>). It names the
/// record, never its content: no clinical data, names or e-mails.
/// </summary>
/// <param name="Type">The record type, for example <c>note</c>.</param>
/// <param name="Id">The record's id.</param>
/// <param name="PersonId">The patient, for clinical records; null for accounts.</param>
/// <param name="MspId">The MSP of the organization that created the record.</param>
public sealed record RecordCreatedEvent(string Type, string Id, long? PersonId, string MspId);
