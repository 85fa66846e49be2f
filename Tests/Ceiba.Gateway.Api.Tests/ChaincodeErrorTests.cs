using Ceiba.Gateway.Api.Fabric;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>Reading the chaincode's status and message out of a peer's error detail.</summary>
public sealed class ChaincodeErrorTests
{
    [Fact]
    public void Parses_the_status_and_the_message_of_a_peer_detail()
    {
        // Arrange
        const string detail = "chaincode response 409, person 201 already exists.";

        // Act
        var error = ChaincodeError.Parse(detail);

        // Assert
        Assert.Equal(new ChaincodeError(409, "person 201 already exists."), error);
    }

    [Fact]
    public void Splits_a_validation_message_into_its_fields()
    {
        // Arrange
        var error = new ChaincodeError(400, "Invalid note: note_date must be an ISO date (yyyy-MM-dd), got '14/03/2025'; note_text is required.");

        // Act
        var fields = error.FieldErrors();

        // Assert
        Assert.Equal(["note_date", "note_text"], fields.Keys.Order());
        Assert.Equal("note_text is required", Assert.Single(fields["note_text"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("failed to endorse transaction")]
    [InlineData("chaincode response abc, nope")]
    public void A_message_without_a_chaincode_response_is_none(string message)
    {
        // Arrange, Act
        var error = ChaincodeError.Parse(message);

        // Assert
        Assert.Null(error);
    }
}
