using Randomizer = Bogus.Randomizer;
using Bogus.DataSets;
using Ceiba.Chaincode.Ehr.Models;
using Ceiba.LoadTests.Workloads.Clients;

namespace Ceiba.LoadTests.Workloads.Data;

/// <summary>
/// Cuban-realistic synthetic OMOP records. Every value comes from the <see cref="Randomizer"/> passed in, so the
/// records of a flow depend only on the scenario seed and the flow's sequence number (see <see cref="SeededRandom"/>);
/// ids come from the run's <see cref="IdAllocator"/>. Dates fall in the year before <see cref="Today"/>, a fixed day,
/// so that data never depends on the clock.
/// </summary>
internal static class OmopDataGenerator
{
    /// <summary>The data set's "today": births are before it, encounters in the year before it.</summary>
    public static readonly DateOnly Today = new(2025, 12, 31);

    /// <summary>Visit mix of a provincial hospital's activity: mostly outpatient consultations, then the emergency room, then admissions.</summary>
    private static readonly (int Concept, double Weight)[] VisitMix =
        [(OmopConcepts.OutpatientVisit, 78), (OmopConcepts.EmergencyRoomVisit, 15), (OmopConcepts.InpatientVisit, 7)];

    private static readonly double[] VisitWeights = SeededRandom.Cumulative(VisitMix.Select(v => v.Weight));

    /// <summary>A person of the hospital's province, and a Spanish display name kept only in the workload's memory (PERSON has no names).</summary>
    public static (Person Person, string DisplayName) Person(Randomizer random, long personId, HospitalInfo hospital)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(hospital);
        var female = random.Bool();
        var age = (int)Math.Clamp(Math.Round(Normal(random, 48, 22)), 0, 100);
        var birth = Today.AddYears(-age).AddDays(-random.Int(0, 364));
        var race = random.Double();
        var (raceConcept, raceSource) = race < 0.641 ? (OmopConcepts.White, "blanca") : race < 0.907 ? (OmopConcepts.MoreThanOneRace, "mestiza") : (OmopConcepts.Black, "negra");
        var names = new Name("es") { Random = random };
        var gender = female ? Name.Gender.Female : Name.Gender.Male;
        var displayName = $"{names.FirstName(gender)} {names.LastName()} {names.LastName()}";
        var person = new Person
        {
            PersonId = personId,
            GenderConceptId = female ? OmopConcepts.Female : OmopConcepts.Male,
            YearOfBirth = birth.Year,
            MonthOfBirth = birth.Month,
            DayOfBirth = birth.Day,
            RaceConceptId = raceConcept,
            EthnicityConceptId = OmopConcepts.HispanicOrLatino,
            Province = hospital.Province,
            PersonSourceValue = $"ceiba-{personId}",
            GenderSourceValue = female ? "F" : "M",
            RaceSourceValue = raceSource,
            EthnicitySourceValue = "cubana",
        };
        return (person, displayName);
    }

    /// <summary>A visit: 9202 outpatient, 9203 emergency room or 9201 inpatient with a log-normal stay.</summary>
    public static VisitOccurrence Visit(Randomizer random, long visitId, long personId, long? precedingVisitId = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var concept = VisitMix[SeededRandom.PickWeighted(VisitWeights, random.Double())].Concept;
        var start = Today.AddDays(-random.Int(0, 364));
        var days = concept switch
        {
            OmopConcepts.InpatientVisit => (int)Math.Clamp(Math.Round(4 * Math.Exp(0.6 * Normal(random, 0, 1))), 1, 60),
            OmopConcepts.EmergencyRoomVisit => random.Int(0, 1),
            _ => 0,
        };
        return new VisitOccurrence
        {
            VisitOccurrenceId = visitId,
            PersonId = personId,
            VisitConceptId = concept,
            VisitStartDate = Iso(start),
            VisitEndDate = Iso(start.AddDays(days)),
            VisitTypeConceptId = OmopConcepts.EhrEncounterRecord,
            VisitSourceValue = concept switch
            {
                OmopConcepts.InpatientVisit => "ingreso",
                OmopConcepts.EmergencyRoomVisit => "cuerpo de guardia",
                _ => "consulta externa",
            },
            PrecedingVisitOccurrenceId = precedingVisitId,
        };
    }

    /// <summary>A diagnosis, in the given visit when there is one; acute conditions get an end date.</summary>
    public static ConditionOccurrence Condition(Randomizer random, long conditionId, long personId, VisitOccurrence? visit)
    {
        ArgumentNullException.ThrowIfNull(random);
        var entry = ClinicalVocabulary.Conditions[SeededRandom.PickWeighted(ClinicalVocabulary.ConditionWeights, random.Double())];
        var start = StartOf(random, visit);
        return new ConditionOccurrence
        {
            ConditionOccurrenceId = conditionId,
            PersonId = personId,
            ConditionConceptId = entry.ConceptId,
            ConditionStartDate = Iso(start),
            ConditionEndDate = entry.Chronic ? null : Iso(start.AddDays(random.Int(5, 21))),
            ConditionTypeConceptId = OmopConcepts.EhrEncounterRecord,
            StopReason = entry.Chronic ? null : "resuelto",
            VisitOccurrenceId = visit?.VisitOccurrenceId,
            ConditionSourceValue = entry.Icd10,
        };
    }

    /// <summary>A prescription (type 32838), or during an admission sometimes an administration record (32818).</summary>
    public static DrugExposure Drug(Randomizer random, long drugExposureId, long personId, VisitOccurrence? visit)
    {
        ArgumentNullException.ThrowIfNull(random);
        var entry = ClinicalVocabulary.Drugs[SeededRandom.PickWeighted(ClinicalVocabulary.DrugWeights, random.Double())];
        var start = StartOf(random, visit);
        var administered = visit?.VisitConceptId == OmopConcepts.InpatientVisit && random.Bool(0.5f);
        var daysSupply = administered ? random.Int(1, 7) : random.ArrayElement([7, 10, 14, 30, 30, 30, 60, 90]);
        return new DrugExposure
        {
            DrugExposureId = drugExposureId,
            PersonId = personId,
            DrugConceptId = entry.ConceptId,
            DrugExposureStartDate = Iso(start),
            DrugExposureEndDate = Iso(start.AddDays(daysSupply - 1)),
            DrugTypeConceptId = administered ? OmopConcepts.EhrAdministrationRecord : OmopConcepts.EhrPrescription,
            Refills = administered ? null : random.Int(0, 3),
            Quantity = administered ? null : daysSupply * random.ArrayElement([1, 2, 3]),
            DaysSupply = daysSupply,
            Sig = entry.Sig,
            RouteConceptId = entry.Oral ? OmopConcepts.OralRoute : null,
            LotNumber = $"L-{start.Year}-{random.Int(1, 9999):D4}",
            VisitOccurrenceId = visit?.VisitOccurrenceId,
            DrugSourceValue = entry.Label,
        };
    }

    /// <summary>A Spanish clinical note whose length follows its kind's log-normal distribution, capped at 64 KiB of UTF-8.</summary>
    public static Note Note(Randomizer random, long noteId, long personId, VisitOccurrence? visit)
    {
        ArgumentNullException.ThrowIfNull(random);
        var kind = NoteKind.All[SeededRandom.PickWeighted(NoteKind.Weights, random.Double())];
        var length = kind.DrawLength(random.Double(), random.Double());
        return new Note
        {
            NoteId = noteId,
            PersonId = personId,
            NoteDate = Iso(StartOf(random, visit)),
            NoteTypeConceptId = OmopConcepts.Ehr,
            NoteClassConceptId = OmopConcepts.NoteClass,
            NoteTitle = kind.Title,
            NoteText = NoteTextBuilder.Build(random, length),
            EncodingConceptId = OmopConcepts.Utf8,
            LanguageConceptId = OmopConcepts.Spanish,
            VisitOccurrenceId = visit?.VisitOccurrenceId,
            NoteSourceValue = kind.SourceValue,
        };
    }

    /// <summary>A doctor account of the hospital (the password hash is the caller's: the ledger stores it as given).</summary>
    public static Doctor Doctor(Randomizer random, string doctorId, string email, string passwordHash, HospitalInfo hospital)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(hospital);
        var names = new Name("es") { Random = random };
        var gender = random.Bool() ? Name.Gender.Female : Name.Gender.Male;
        return new Doctor
        {
            DoctorId = doctorId,
            FirstName = names.FirstName(gender),
            LastName = $"{names.LastName()} {names.LastName()}",
            Email = email,
            PasswordHash = passwordHash,
            Specialty = random.ArrayElement([.. ClinicalVocabulary.Specialties]),
            Hospital = hospital.Id,
            Province = hospital.Province,
        };
    }

    private static DateOnly StartOf(Randomizer random, VisitOccurrence? visit) =>
        visit?.VisitStartDate is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Today.AddDays(-random.Int(0, 364));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static double Normal(Randomizer random, double mean, double deviation)
    {
        var u1 = 1.0 - random.Double();
        var u2 = random.Double();
        return mean + deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
