using System.Text.Json;

namespace Ceiba.Chaincode.Ehr.Tests;

public sealed class EhrMetadataTests
{
    private readonly EhrFixture _ehr = new();

    [Fact]
    public async Task The_ehr_contract_is_the_default_and_its_reads_are_evaluate_only()
    {
        // Arrange
        const string function = "org.hyperledger.fabric:GetMetadata";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.NoRole, function);

        // Assert
        using var metadata = JsonDocument.Parse(result.Response.Payload);
        var ehr = metadata.RootElement.GetProperty("contracts").GetProperty("ehr");
        Assert.True(ehr.GetProperty("contractInstance").GetProperty("default").GetBoolean());
        Assert.Equal("Ceiba OMOP EHR", metadata.RootElement.GetProperty("info").GetProperty("title").GetString());
        var tags = ehr.GetProperty("transactions").EnumerateArray()
            .ToDictionary(tx => tx.GetProperty("name").GetString()!, tx => tx.GetProperty("tag")[0].GetString());
        Assert.Equal("SUBMIT", tags["CreateNote"]);
        Assert.Equal("EVALUATE", tags["GetPatientRecord"]);
        Assert.Equal("EVALUATE", tags["GetDoctorByEmail"]);
    }

    [Fact]
    public async Task The_Person_component_lists_the_OMOP_field_names()
    {
        // Arrange
        const string function = "org.hyperledger.fabric:GetMetadata";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.NoRole, function);

        // Assert
        using var metadata = JsonDocument.Parse(result.Response.Payload);
        var person = metadata.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Person");
        Assert.Equal(
            ["person_id", "gender_concept_id", "year_of_birth", "month_of_birth", "day_of_birth", "race_concept_id",
             "ethnicity_concept_id", "care_site_id", "location_id", "provider_id", "province", "person_source_value",
             "gender_source_value", "race_source_value", "ethnicity_source_value"],
            person.GetProperty("properties").EnumerateObject().Select(property => property.Name));
        Assert.Equal("""{"type":"integer","format":"int64"}""", person.GetProperty("properties").GetProperty("person_id").GetRawText());
    }
}
