namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>An OMOP CDM v5.4 DRUG_EXPOSURE row: a prescription or administration of a drug.</summary>
public sealed record DrugExposure
{
    /// <summary>The drug exposure's id, &gt; 0.</summary>
    public long DrugExposureId { get; init; }

    /// <summary>The patient.</summary>
    public long PersonId { get; init; }

    /// <summary>The drug concept (RxNorm), &gt; 0.</summary>
    public int DrugConceptId { get; init; }

    /// <summary>Start date, ISO yyyy-MM-dd.</summary>
    public string? DrugExposureStartDate { get; init; }

    /// <summary>End date, ISO yyyy-MM-dd, not before the start date.</summary>
    public string? DrugExposureEndDate { get; init; }

    /// <summary>Provenance: 32838 EHR prescription, 32818 EHR administration record.</summary>
    public int DrugTypeConceptId { get; init; }

    /// <summary>Why the drug was stopped, at most 20 characters.</summary>
    public string? StopReason { get; init; }

    /// <summary>Number of refills, optional, ≥ 0.</summary>
    public int? Refills { get; init; }

    /// <summary>Quantity dispensed, optional, ≥ 0.</summary>
    public double? Quantity { get; init; }

    /// <summary>Days of supply, optional, ≥ 0.</summary>
    public int? DaysSupply { get; init; }

    /// <summary>The directions ("signetur"), optional.</summary>
    public string? Sig { get; init; }

    /// <summary>Route of administration concept, optional, &gt; 0 when given.</summary>
    public int? RouteConceptId { get; init; }

    /// <summary>Lot number, at most 50 characters.</summary>
    public string? LotNumber { get; init; }

    /// <summary>The prescribing provider, optional.</summary>
    public long? ProviderId { get; init; }

    /// <summary>The visit during which the drug was prescribed, optional; must be the same patient's.</summary>
    public long? VisitOccurrenceId { get; init; }

    /// <summary>The source drug code, at most 50 characters.</summary>
    public string? DrugSourceValue { get; init; }
}
