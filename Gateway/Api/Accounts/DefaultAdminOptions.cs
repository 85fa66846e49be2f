namespace Ceiba.Gateway.Api.Accounts;

/// <summary>The admin created on first start (section <c>Ceiba:Api:DefaultAdmin</c>).</summary>
public sealed class DefaultAdminOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ceiba:Api:DefaultAdmin";

    /// <summary>The login e-mail.</summary>
    public string Email { get; set; } = "admin@ceiba.local";

    /// <summary>The password; generated and printed once to the log when empty. Never hard-coded.</summary>
    public string? Password { get; set; }

    /// <summary>The admin_id.</summary>
    public string Id { get; set; } = "admin";

    /// <summary>The first name.</summary>
    public string FirstName { get; set; } = "Ceiba";

    /// <summary>The last name.</summary>
    public string LastName { get; set; } = "Administrator";

    /// <summary>How long to wait between attempts while the network is not reachable.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
