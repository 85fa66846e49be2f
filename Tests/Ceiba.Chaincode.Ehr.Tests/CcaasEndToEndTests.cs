using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;
using Ceiba.Testing.Chaincode;
using Microsoft.Extensions.Logging;

namespace Ceiba.Chaincode.Ehr.Tests;

/// <summary>
/// The EHR contract behind the real CCaaS server, driven over loopback gRPC by the test peer
/// (protos.Chaincode/Connect): proves the contract API and the shim fit together.
/// </summary>
public sealed class CcaasEndToEndTests
{
    [Fact]
    public async Task A_doctor_creates_a_patient_and_a_note_and_reads_the_record_through_the_shim()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = ChaincodeServer.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Options = new ChaincodeServerOptions { Address = "127.0.0.1:0", ChaincodeId = "ehr_1.0:e2e" };
        builder.UseContracts(new EhrContract());
        await using var server = builder.Build();
        await server.StartAsync(cancellationToken);
        await using var peer = await ChaincodeDriver.ConnectAsync($"127.0.0.1:{server.Port}", cancellationToken: cancellationToken);
        using var admin = TestIdentity.Create("HabanaMSP", "admin-ana", new Dictionary<string, string> { ["role"] = "admin" });

        // Act
        var person = await peer.InvokeAsync(cancellationToken, "CreatePerson", Samples.Json(Samples.Person(1)));
        var note = await peer.InvokeAsync(cancellationToken, "ehr:CreateNote", Samples.Json(Samples.Note(40, 1)));
        var record = await peer.InvokeAsync(cancellationToken, "GetPatientRecord", "1");
        var forbidden = await peer.InvokeAsync(
            TestProposal.Create(admin, "ehr", "ehr", ["GetNote", "40"]), commit: false, cancellationToken: cancellationToken);
        await server.StopAsync(cancellationToken);

        // Assert
        Assert.Equal(200, person.Status);
        Assert.Equal("PersonCreated", person.Event?.EventName);
        Assert.Equal(200, note.Status);
        Assert.Equal("NoteCreated", note.Event?.EventName);
        Assert.Equal(200, record.Status);
        Assert.Contains("\"notes\":[{\"note_id\":40,\"person_id\":1,", record.PayloadText, StringComparison.Ordinal);
        Assert.Equal(403, forbidden.Status);
        Assert.Equal("GetNote requires role 'doctor'; the caller from HabanaMSP has role 'admin'.", forbidden.Message);
    }
}
