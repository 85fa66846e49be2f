namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>An OMOP CDM v5.4 CONDITION_OCCURRENCE row: a diagnosis, sign or symptom.</summary>
public sealed record ConditionOccurrence
{
    /// <summary>The condition occurrence's id, &gt; 0.</summary>
    public long ConditionOccurrenceId { get; init; }

    /// <summary>The patient.</summary>
    public long PersonId { get; init; }

    /// <summary>The condition concept (SNOMED), &gt; 0.</summary>
    public int ConditionConceptId { get; init; }

    /// <summary>Start date, ISO yyyy-MM-dd.</summary>
    public string? ConditionStartDate { get; init; }

    /// <summary>End date, optional, ISO yyyy-MM-dd, not before the start date.</summary>
    public string? ConditionEndDate { get; init; }

    /// <summary>Provenance: 32827 EHR encounter record.</summary>
    public int ConditionTypeConceptId { get; init; }

    /// <summary>Status (for example final diagnosis), optional, &gt; 0 when given.</summary>
    public int? ConditionStatusConceptId { get; init; }

    /// <summary>Why the condition ended, at most 20 characters.</summary>
    public string? StopReason { get; init; }

    /// <summary>The diagnosing provider, optional.</summary>
    public long? ProviderId { get; init; }

    /// <summary>The visit of the diagnosis, optional; must be the same patient's.</summary>
    public long? VisitOccurrenceId { get; init; }

    /// <summary>The source condition code (for example ICD-10), at most 50 characters.</summary>
    public string? ConditionSourceValue { get; init; }
}
