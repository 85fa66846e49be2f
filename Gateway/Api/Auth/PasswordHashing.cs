using Microsoft.AspNetCore.Identity;

namespace Ceiba.Gateway.Api.Auth;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 password hasher. Unknown e-mails are checked against a throw-away hash, so a
/// wrong e-mail costs as much time as a wrong password.
/// </summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<Account> _hasher = new();
    private readonly Lazy<string> _decoy;

    /// <summary>Creates the hasher.</summary>
    public PasswordHashing() => _decoy = new Lazy<string>(() => _hasher.HashPassword(Account.Instance, Guid.NewGuid().ToString("N")));

    /// <summary>The hash to store on the ledger.</summary>
    public string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return _hasher.HashPassword(Account.Instance, password);
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>; a null or malformed hash never matches.</summary>
    public bool Verify(string? hash, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrEmpty(hash))
        {
            _hasher.VerifyHashedPassword(Account.Instance, _decoy.Value, password);
            return false;
        }

        try
        {
            return _hasher.VerifyHashedPassword(Account.Instance, hash, password) is not PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Spends the time of one verification, for an e-mail that matched no account.</summary>
    public void VerifyDecoy(string password) => Verify(_decoy.Value, password ?? string.Empty);

    /// <summary>The hasher's user type; the hash does not depend on it.</summary>
    public sealed class Account
    {
        internal static readonly Account Instance = new();
    }
}
