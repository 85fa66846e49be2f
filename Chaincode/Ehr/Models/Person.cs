namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>
/// A patient (the thesis' "Pacient"): an OMOP CDM v5.4 PERSON row plus the Cuban province code.
/// </summary>
/// <remarks>
/// Like OMOP's PERSON, it holds no names or other direct identifiers: protected health information
/// stays off the ledger (or encrypted), and unknown JSON fields such as <c>name</c> are rejected.
/// Cuba's census category "mestiza" has no US OMB race concept: use 1546847 (More than one race)
/// and keep the local label in <see cref="RaceSourceValue"/>.
/// </remarks>
public sealed record Person
{
    /// <summary>The person's id (OMOP person_id), &gt; 0.</summary>
    public long PersonId { get; init; }

    /// <summary>Gender concept: 8507 male, 8532 female.</summary>
    public int GenderConceptId { get; init; }

    /// <summary>Year of birth, from 1850 to the transaction's year.</summary>
    public int YearOfBirth { get; init; }

    /// <summary>Month of birth, 1–12, optional.</summary>
    public int? MonthOfBirth { get; init; }

    /// <summary>Day of birth, optional; needs <see cref="MonthOfBirth"/>.</summary>
    public int? DayOfBirth { get; init; }

    /// <summary>Race concept (US OMB categories; 1546847 for "mestiza").</summary>
    public int RaceConceptId { get; init; }

    /// <summary>Ethnicity concept: 38003563 Hispanic or Latino, 38003564 not.</summary>
    public int EthnicityConceptId { get; init; }

    /// <summary>The person's usual care site (polyclinic or hospital), optional.</summary>
    public long? CareSiteId { get; init; }

    /// <summary>The person's location (OMOP LOCATION), optional.</summary>
    public long? LocationId { get; init; }

    /// <summary>The person's primary care provider, optional.</summary>
    public long? ProviderId { get; init; }

    /// <summary>The two-digit Cuban province code (01, 03–16, 99), as LOCATION.state would hold it.</summary>
    public string? Province { get; init; }

    /// <summary>A pseudonymous source identifier, at most 50 characters; never a national id number.</summary>
    public string? PersonSourceValue { get; init; }

    /// <summary>The source gender value, at most 50 characters.</summary>
    public string? GenderSourceValue { get; init; }

    /// <summary>The source race value (for example "mestiza"), at most 50 characters.</summary>
    public string? RaceSourceValue { get; init; }

    /// <summary>The source ethnicity value, at most 50 characters.</summary>
    public string? EthnicitySourceValue { get; init; }
}
