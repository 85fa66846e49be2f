using Ceiba.Gateway.Api.Auth;
using Ceiba.Gateway.Api.Fabric;

namespace Ceiba.Gateway.Api.Accounts;

/// <summary>Checks an e-mail and password against the admin and doctor accounts on the ledger.</summary>
public sealed class LoginService(FabricGateways fabric, PasswordHashing hashing)
{
    /// <summary>The user whose e-mail and password match, or null: the caller cannot tell a wrong e-mail from a wrong password.</summary>
    public async Task<EhrUser?> AuthenticateAsync(string email, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var contract = fabric.ServiceContract();
        var found = false;
        foreach (var role in (string[])[EhrRoles.Admin, EhrRoles.Doctor])
        {
            var account = await AccountLookup.FindByEmailAsync(contract, role, email, cancellationToken).ConfigureAwait(false);
            if (account is null)
            {
                continue;
            }

            found = true;
            if (hashing.Verify(account["password_hash"]?.GetValue<string>(), password))
            {
                var id = account[role == EhrRoles.Admin ? "admin_id" : "doctor_id"]?.GetValue<string>() ?? string.Empty;
                return new EhrUser(
                    id,
                    account["email"]?.GetValue<string>() ?? email,
                    role,
                    account["hospital"]?.GetValue<string>() ?? string.Empty,
                    account["province"]?.GetValue<string>() ?? string.Empty);
            }
        }

        if (!found)
        {
            hashing.VerifyDecoy(password);
        }

        return null;
    }
}
