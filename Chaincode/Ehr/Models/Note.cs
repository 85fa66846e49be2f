namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>An OMOP CDM v5.4 NOTE row: free-text clinical notes, UTF-8, at most 64 KiB.</summary>
public sealed record Note
{
    /// <summary>UTF-8, the only encoding the chaincode stores (OMOP concept 32678).</summary>
    public const int Utf8EncodingConceptId = 32678;

    /// <summary>The note's id, &gt; 0.</summary>
    public long NoteId { get; init; }

    /// <summary>The patient.</summary>
    public long PersonId { get; init; }

    /// <summary>The note date, ISO yyyy-MM-dd.</summary>
    public string? NoteDate { get; init; }

    /// <summary>Provenance: 32817 EHR.</summary>
    public int NoteTypeConceptId { get; init; }

    /// <summary>The LOINC document class (a concept under 706391 Note).</summary>
    public int NoteClassConceptId { get; init; }

    /// <summary>The title, at most 250 characters.</summary>
    public string? NoteTitle { get; init; }

    /// <summary>The text, required, at most 65,536 bytes of UTF-8.</summary>
    public string? NoteText { get; init; }

    /// <summary>Must be 32678 (UTF-8).</summary>
    public int EncodingConceptId { get; init; }

    /// <summary>The language concept, &gt; 0.</summary>
    public int LanguageConceptId { get; init; }

    /// <summary>The author, optional.</summary>
    public long? ProviderId { get; init; }

    /// <summary>The visit the note belongs to, optional; must be the same patient's.</summary>
    public long? VisitOccurrenceId { get; init; }

    /// <summary>The source note type, at most 50 characters.</summary>
    public string? NoteSourceValue { get; init; }
}
