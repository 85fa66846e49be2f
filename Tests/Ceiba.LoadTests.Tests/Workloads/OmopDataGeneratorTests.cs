using Ceiba.LoadTests.Workloads;
using System.Text;
using System.Text.Json;
using Ceiba.Chaincode.Ehr;
using Ceiba.LoadTests.Workloads.Data;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>The synthetic OMOP data: deterministic for a seed, and within OMOP's and Cuba's value sets.</summary>
public sealed class OmopDataGeneratorTests
{
    [Fact]
    public void The_same_seed_and_sequence_give_the_same_records()
    {
        // Arrange
        string Generate(int seed, long sequence)
        {
            var random = SeededRandom.Randomizer(seed, sequence, 2);
            var (person, name) = OmopDataGenerator.Person(random, 42, TestHospitals.Ameijeiras);
            var visit = OmopDataGenerator.Visit(random, 43, 42);
            var condition = OmopDataGenerator.Condition(random, 44, 42, visit);
            var drug = OmopDataGenerator.Drug(random, 45, 42, visit);
            var note = OmopDataGenerator.Note(random, 46, 42, visit);
            return string.Join('\n', name,
                JsonSerializer.Serialize(person, EhrJsonContext.Default.Person),
                JsonSerializer.Serialize(visit, EhrJsonContext.Default.VisitOccurrence),
                JsonSerializer.Serialize(condition, EhrJsonContext.Default.ConditionOccurrence),
                JsonSerializer.Serialize(drug, EhrJsonContext.Default.DrugExposure),
                JsonSerializer.Serialize(note, EhrJsonContext.Default.Note));
        }

        // Act
        var first = Generate(7, 1000);
        var again = Generate(7, 1000);
        var otherSequence = Generate(7, 1001);
        var otherSeed = Generate(8, 1000);

        // Assert
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSequence);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Persons_use_the_OMOP_gender_race_and_ethnicity_concepts_with_mestiza_as_more_than_one_race()
    {
        // Arrange
        var persons = Enumerable.Range(0, 2000)
            .Select(i => OmopDataGenerator.Person(SeededRandom.Randomizer(1, i, 2), i + 1, TestHospitals.Ameijeiras).Person)
            .ToList();

        // Act
        var genders = persons.GroupBy(p => p.GenderConceptId).ToDictionary(g => g.Key, g => g.Count());
        var races = persons.GroupBy(p => p.RaceConceptId).ToDictionary(g => g.Key, g => g.Count());

        // Assert
        Assert.Equal([OmopConcepts.Male, OmopConcepts.Female], genders.Keys.Order());
        Assert.InRange(genders[OmopConcepts.Female], 900, 1100);
        Assert.Equal([OmopConcepts.Black, OmopConcepts.White, OmopConcepts.MoreThanOneRace], races.Keys.Order());
        Assert.True(races[OmopConcepts.White] > races[OmopConcepts.MoreThanOneRace] && races[OmopConcepts.MoreThanOneRace] > races[OmopConcepts.Black]);
        Assert.All(persons.Where(p => p.RaceConceptId == OmopConcepts.MoreThanOneRace), p => Assert.Equal("mestiza", p.RaceSourceValue));
        Assert.All(persons, p => Assert.Equal("03", p.Province));
        Assert.All(persons, p => Assert.Equal(OmopConcepts.HispanicOrLatino, p.EthnicityConceptId));
        Assert.All(persons, p => Assert.InRange(p.YearOfBirth, 1925, 2025));
    }

    [Fact]
    public void Visits_are_mostly_outpatient_then_emergency_then_inpatient_and_inpatient_stays_last_days()
    {
        // Arrange
        var visits = Enumerable.Range(0, 3000).Select(i => OmopDataGenerator.Visit(SeededRandom.Randomizer(3, i, 2), i + 1, 1)).ToList();

        // Act
        var counts = visits.GroupBy(v => v.VisitConceptId).ToDictionary(g => g.Key, g => g.Count());
        var longStays = visits.Count(v => v.VisitConceptId == OmopConcepts.InpatientVisit && v.VisitEndDate != v.VisitStartDate);

        // Assert
        Assert.True(counts[OmopConcepts.OutpatientVisit] > counts[OmopConcepts.EmergencyRoomVisit]);
        Assert.True(counts[OmopConcepts.EmergencyRoomVisit] > counts[OmopConcepts.InpatientVisit]);
        Assert.Equal(counts[OmopConcepts.InpatientVisit], longStays);
        Assert.All(visits.Where(v => v.VisitConceptId == OmopConcepts.OutpatientVisit), v => Assert.Equal(v.VisitStartDate, v.VisitEndDate));
    }

    [Fact]
    public void Drug_exposures_are_prescriptions_or_ward_administrations()
    {
        // Arrange
        var inpatient = new Chaincode.Ehr.Models.VisitOccurrence { VisitOccurrenceId = 9, PersonId = 1, VisitConceptId = OmopConcepts.InpatientVisit, VisitStartDate = "2025-05-01" };

        // Act
        var outpatient = Enumerable.Range(0, 300).Select(i => OmopDataGenerator.Drug(SeededRandom.Randomizer(4, i, 2), i + 1, 1, null)).ToList();
        var ward = Enumerable.Range(0, 300).Select(i => OmopDataGenerator.Drug(SeededRandom.Randomizer(5, i, 2), i + 1, 1, inpatient)).ToList();

        // Assert
        Assert.All(outpatient, d => Assert.Equal(OmopConcepts.EhrPrescription, d.DrugTypeConceptId));
        Assert.Contains(ward, d => d.DrugTypeConceptId == OmopConcepts.EhrAdministrationRecord);
        Assert.Contains(ward, d => d.DrugTypeConceptId == OmopConcepts.EhrPrescription);
        Assert.All(ward, d => Assert.Equal("2025-05-01", d.DrugExposureStartDate));
    }

    [Fact]
    public void Note_lengths_are_log_normal_with_a_long_tail_and_never_exceed_the_chaincode_limit()
    {
        // Arrange
        var notes = Enumerable.Range(0, 3000).Select(i => OmopDataGenerator.Note(SeededRandom.Randomizer(6, i, 2), i + 1, 1, null)).ToList();

        // Act
        var lengths = notes.Select(n => n.NoteText!.Length).Order().ToArray();
        var median = lengths[lengths.Length / 2];
        var p99 = lengths[(int)(lengths.Length * 0.99)];
        var maxBytes = notes.Max(n => Encoding.UTF8.GetByteCount(n.NoteText!));

        // Assert
        Assert.InRange(median, 700, 2500);
        Assert.True(p99 > 4 * median, $"p99 {p99} should be far above the median {median}");
        Assert.True(maxBytes <= NoteTextBuilder.MaxBytes, $"{maxBytes} bytes");
        Assert.All(notes, n => Assert.Equal(OmopConcepts.Utf8, n.EncodingConceptId));
    }

    [Fact]
    public void A_note_asked_for_more_than_the_limit_is_cut_to_64_KiB_of_UTF8()
    {
        // Arrange
        var random = SeededRandom.Randomizer(1, 1, 1);

        // Act
        var text = NoteTextBuilder.Build(random, 200_000);

        // Assert
        Assert.InRange(Encoding.UTF8.GetByteCount(text), NoteTextBuilder.MaxBytes - 8, NoteTextBuilder.MaxBytes);
    }
}
