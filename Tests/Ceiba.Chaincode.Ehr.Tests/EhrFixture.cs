using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ceiba.Chaincode.Shim.Contracts;
using Ceiba.Chaincode.Testing;
using Ceiba.Network.Protos.Msp;

namespace Ceiba.Chaincode.Ehr.Tests;

/// <summary>The EHR contract behind a router, an in-memory ledger, and callers of each role.</summary>
internal sealed class EhrFixture
{
    public EhrFixture() => Harness = new ChaincodeHarness(new ContractRouter(new EhrContract()));

    public static SerializedIdentity Doctor { get; } = Identity("HabanaMSP", "dr-luis", "doctor");

    public static SerializedIdentity Admin { get; } = Identity("HabanaMSP", "admin-ana", "admin");

    public static SerializedIdentity Nurse { get; } = Identity("SantiagoMSP", "nurse-eva", "nurse");

    public static SerializedIdentity NoRole { get; } =
        TestIdentities.Create("SantiagoMSP", "peer-op", new Dictionary<string, string>());

    public ChaincodeHarness Harness { get; }

    public Task<TransactionResult> SubmitAsync(SerializedIdentity caller, string function, params string[] args) =>
        Harness.SubmitAsync(caller, function, args);

    /// <summary>Submits and asserts success: for arranging state.</summary>
    public async Task<TransactionResult> SeedAsync(SerializedIdentity caller, string function, params string[] args)
    {
        var result = await Harness.SubmitAsync(caller, function, args);
        Assert.True(result.Response.IsSuccess, $"{function} failed: {result.Response.Status} {result.Response.Message}");
        return result;
    }

    public static T Read<T>(TransactionResult result, JsonTypeInfo<T> typeInfo)
    {
        Assert.Equal(200, result.Response.Status);
        return JsonSerializer.Deserialize(result.Response.Payload.Span, typeInfo)!;
    }

    private static SerializedIdentity Identity(string mspId, string name, string role) =>
        TestIdentities.Create(mspId, name, new Dictionary<string, string>
        {
            ["role"] = role,
            ["hospital"] = "Hospital Hermanos Ameijeiras",
            ["province"] = "03",
        });
}
