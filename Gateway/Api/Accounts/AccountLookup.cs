using System.Text.Json.Nodes;
using Ceiba.Gateway.Api.Auth;
using Ceiba.Gateway.Api.Fabric;

namespace Ceiba.Gateway.Api.Accounts;

using Ceiba.Gateway.Client;

/// <summary>The login lookups (<c>GetAdminByEmail</c>, <c>GetDoctorByEmail</c>), run under the service admin identity.</summary>
public static class AccountLookup
{
    /// <summary>The account of <paramref name="role"/> with <paramref name="email"/>, with its password_hash; null when there is none.</summary>
    /// <exception cref="GatewayException">The network failed (anything but the chaincode's 404).</exception>
    public static async Task<JsonObject?> FindByEmailAsync(Contract contract, string role, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var transaction = role == EhrRoles.Admin ? "GetAdminByEmail" : "GetDoctorByEmail";
        try
        {
            var bytes = await contract.EvaluateTransactionAsync(transaction, ProposalOptions.FromArguments(email), cancellationToken).ConfigureAwait(false);
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (GatewayException error) when (ChaincodeError.From(error) is { Status: StatusCodes.Status404NotFound })
        {
            return null;
        }
    }
}
