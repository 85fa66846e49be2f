namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>An OMOP CDM v5.4 VISIT_OCCURRENCE row: one encounter of a patient with the health system.</summary>
public sealed record VisitOccurrence
{
    /// <summary>The visit's id, &gt; 0.</summary>
    public long VisitOccurrenceId { get; init; }

    /// <summary>The patient.</summary>
    public long PersonId { get; init; }

    /// <summary>The kind of visit: 9201 inpatient, 9202 outpatient, 9203 emergency room, 722455 telehealth, 581476 home.</summary>
    public int VisitConceptId { get; init; }

    /// <summary>Start date, ISO yyyy-MM-dd.</summary>
    public string? VisitStartDate { get; init; }

    /// <summary>End date, ISO yyyy-MM-dd, not before the start date.</summary>
    public string? VisitEndDate { get; init; }

    /// <summary>Provenance: 32827 EHR encounter record.</summary>
    public int VisitTypeConceptId { get; init; }

    /// <summary>The provider, optional.</summary>
    public long? ProviderId { get; init; }

    /// <summary>The care site, optional.</summary>
    public long? CareSiteId { get; init; }

    /// <summary>The source visit value, at most 50 characters.</summary>
    public string? VisitSourceValue { get; init; }

    /// <summary>Where the patient came from, optional, &gt; 0 when given.</summary>
    public int? AdmittedFromConceptId { get; init; }

    /// <summary>Where the patient went, optional, &gt; 0 when given.</summary>
    public int? DischargedToConceptId { get; init; }

    /// <summary>The patient's previous visit, optional.</summary>
    public long? PrecedingVisitOccurrenceId { get; init; }
}
