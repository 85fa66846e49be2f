using System.Text;

namespace Ceiba.Gateway.Client;

/// <summary>What a transaction proposal carries besides its name: arguments, transient data and endorsing organizations.</summary>
public sealed record ProposalOptions
{
    /// <summary>The arguments passed to the transaction function, after its name.</summary>
    public IReadOnlyList<byte[]> Arguments { get; init; } = [];

    /// <summary>Private data passed to the function but not recorded on the ledger (the proposal's TransientMap).</summary>
    public IReadOnlyDictionary<string, byte[]> TransientData { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>
    /// The organizations whose peers endorse (or, for evaluate, run) the proposal. Empty: the gateway peer decides
    /// from the endorsement policy.
    /// </summary>
    public IReadOnlyList<string> EndorsingOrganizations { get; init; } = [];

    /// <summary>Options with UTF-8 string arguments.</summary>
    public static ProposalOptions FromArguments(params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return new ProposalOptions { Arguments = [.. arguments.Select(Encoding.UTF8.GetBytes)] };
    }

    /// <summary>Options with byte arguments.</summary>
    public static ProposalOptions FromArguments(params byte[][] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return new ProposalOptions { Arguments = arguments };
    }

    /// <summary>A copy with UTF-8 transient data added.</summary>
    public ProposalOptions WithTransient(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        return this with { TransientData = new Dictionary<string, byte[]>(TransientData) { [key] = Encoding.UTF8.GetBytes(value) } };
    }
}
