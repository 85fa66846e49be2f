namespace Ceiba.LoadTests.Workloads.Data;

/// <summary>The OMOP concept ids the synthetic records use (see /work/shared/OMOP-FACTS.md and the chaincode README).</summary>
internal static class OmopConcepts
{
    public const int Male = 8507;
    public const int Female = 8532;

    public const int White = 8527;
    public const int Black = 8516;

    /// <summary>"More than one race": Cuba's census category "mestiza" has no OMB race concept.</summary>
    public const int MoreThanOneRace = 1546847;

    public const int HispanicOrLatino = 38003563;

    public const int InpatientVisit = 9201;
    public const int OutpatientVisit = 9202;
    public const int EmergencyRoomVisit = 9203;

    /// <summary>Type concept of visits and conditions: EHR encounter record.</summary>
    public const int EhrEncounterRecord = 32827;

    /// <summary>Type concept of drug exposures written as prescriptions.</summary>
    public const int EhrPrescription = 32838;

    /// <summary>Type concept of drugs given on the ward: EHR administration record.</summary>
    public const int EhrAdministrationRecord = 32818;

    /// <summary>Type concept of notes: EHR.</summary>
    public const int Ehr = 32817;

    /// <summary>Note class: the LOINC document ontology's root "Note" (no narrower class is claimed).</summary>
    public const int NoteClass = 706391;

    public const int Utf8 = 32678;

    /// <summary>Spanish language, as the chaincode's samples use it.</summary>
    public const int Spanish = 4182511;

    /// <summary>Oral route of administration.</summary>
    public const int OralRoute = 4132161;
}
