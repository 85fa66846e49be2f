using Ceiba.LoadTests.Workloads;
using Ceiba.Chaincode.Ehr;
using Ceiba.Chaincode.Shim.Contracts;
using Ceiba.Chaincode.Testing;
using Ceiba.LoadTests.Workloads.Data;
using Ceiba.LoadTests.Workloads.Flows;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>Generated records go through the real EHR contract (validation, references, uniqueness) on an in-memory ledger.</summary>
public sealed class ChaincodeValidityTests
{
    private static readonly Network.Protos.Msp.SerializedIdentity Doctor = TestIdentities.Create("HabanaMSP", "doctor1.hab-ameijeiras", new Dictionary<string, string>
    {
        ["role"] = "doctor",
        ["hospital"] = "hab-ameijeiras",
        ["province"] = "03",
    });

    private static readonly Network.Protos.Msp.SerializedIdentity Admin = TestIdentities.Create("HabanaMSP", "admin1.hab-ameijeiras", new Dictionary<string, string>
    {
        ["role"] = "admin",
        ["hospital"] = "hab-ameijeiras",
        ["province"] = "03",
    });

    [Fact]
    public async Task Every_generated_clinical_record_is_accepted_by_the_EHR_chaincode()
    {
        // Arrange
        var harness = new ChaincodeHarness(new ContractRouter(new EhrContract()));
        var ids = new IdAllocator(123);
        var failures = new List<string>();
        var accepted = 0;

        // Act
        for (var sequence = 0; sequence < 60; sequence++)
        {
            var random = SeededRandom.Randomizer(20260101, sequence, 2);
            var (person, _) = OmopDataGenerator.Person(random, ids.Next(), TestHospitals.Ameijeiras);
            var visit = OmopDataGenerator.Visit(random, ids.Next(), person.PersonId);
            EhrWrite[] writes =
            [
                EhrWrite.Of(person),
                EhrWrite.Of(visit),
                EhrWrite.Of(OmopDataGenerator.Condition(random, ids.Next(), person.PersonId, visit)),
                EhrWrite.Of(OmopDataGenerator.Condition(random, ids.Next(), person.PersonId, null)),
                EhrWrite.Of(OmopDataGenerator.Drug(random, ids.Next(), person.PersonId, visit)),
                EhrWrite.Of(OmopDataGenerator.Drug(random, ids.Next(), person.PersonId, null)),
                EhrWrite.Of(OmopDataGenerator.Note(random, ids.Next(), person.PersonId, visit)),
                EhrWrite.Of(OmopDataGenerator.Note(random, ids.Next(), person.PersonId, null)),
                EhrWrite.Of(OmopDataGenerator.Visit(random, ids.Next(), person.PersonId, visit.VisitOccurrenceId)),
            ];
            foreach (var write in writes)
            {
                var result = await harness.SubmitAsync(Doctor, write.Function, write.Json);
                if (result.Response.IsSuccess)
                {
                    accepted++;
                }
                else
                {
                    failures.Add($"{write.Function}: {result.Response.Status} {result.Response.Message}");
                }
            }
        }

        // Assert
        Assert.Empty(failures);
        Assert.Equal(60 * 9, accepted);
    }

    [Fact]
    public async Task Generated_doctor_accounts_are_accepted_by_the_EHR_chaincode()
    {
        // Arrange
        var harness = new ChaincodeHarness(new ContractRouter(new EhrContract()));
        var (id, email) = Ceiba.LoadTests.Workloads.GatewayTarget.GatewaySetup.DoctorAccount(TestHospitals.Ameijeiras);
        var doctor = OmopDataGenerator.Doctor(SeededRandom.Randomizer(1, 0, 10), id, email, "load-generator:no-password-login", TestHospitals.Ameijeiras);

        // Act
        var result = await harness.SubmitAsync(Admin, "CreateDoctor", System.Text.Json.JsonSerializer.Serialize(doctor, EhrJsonContext.Default.Doctor));

        // Assert
        Assert.True(result.Response.IsSuccess, $"{result.Response.Status} {result.Response.Message}");
    }
}
