using Ceiba.Gateway.Client.Internal;

namespace Ceiba.Gateway.Client;

/// <summary>
/// A smart contract: a chaincode on a channel, or one named contract inside it. Offers the one-call shortcuts
/// (<see cref="EvaluateTransactionAsync(string, ProposalOptions, CancellationToken)"/>,
/// <see cref="SubmitTransactionAsync(string, ProposalOptions, CancellationToken)"/>) over the staged
/// <see cref="NewProposal"/> → endorse → submit → commit status.
/// </summary>
public sealed class Contract
{
    private readonly ClientContext _context;

    internal Contract(ClientContext context, string channelName, string chaincodeName, string? contractName)
    {
        _context = context;
        ChannelName = channelName;
        ChaincodeName = chaincodeName;
        ContractName = string.IsNullOrEmpty(contractName) ? null : contractName;
    }

    /// <summary>The channel.</summary>
    public string ChannelName { get; }

    /// <summary>The chaincode.</summary>
    public string ChaincodeName { get; }

    /// <summary>The contract inside the chaincode, or null for the default contract.</summary>
    public string? ContractName { get; }

    /// <summary>Evaluates <paramref name="name"/> without arguments.</summary>
    public Task<byte[]> EvaluateTransactionAsync(string name) => EvaluateTransactionAsync(name, new ProposalOptions());

    /// <summary>Evaluates <paramref name="name"/> with UTF-8 string arguments.</summary>
    public Task<byte[]> EvaluateTransactionAsync(string name, params string[] arguments) =>
        EvaluateTransactionAsync(name, ProposalOptions.FromArguments(arguments));

    /// <summary>Evaluates <paramref name="name"/> with byte arguments.</summary>
    public Task<byte[]> EvaluateTransactionAsync(string name, params byte[][] arguments) =>
        EvaluateTransactionAsync(name, ProposalOptions.FromArguments(arguments));

    /// <summary>Runs a transaction function on one peer without recording it, and returns its result.</summary>
    /// <exception cref="GatewayException">Evaluation failed.</exception>
    public Task<byte[]> EvaluateTransactionAsync(string name, ProposalOptions options, CancellationToken cancellationToken = default) =>
        NewProposal(name, options).EvaluateAsync(cancellationToken);

    /// <summary>Submits <paramref name="name"/> without arguments.</summary>
    public Task<byte[]> SubmitTransactionAsync(string name) => SubmitTransactionAsync(name, new ProposalOptions());

    /// <summary>Submits <paramref name="name"/> with UTF-8 string arguments.</summary>
    public Task<byte[]> SubmitTransactionAsync(string name, params string[] arguments) =>
        SubmitTransactionAsync(name, ProposalOptions.FromArguments(arguments));

    /// <summary>Submits <paramref name="name"/> with byte arguments.</summary>
    public Task<byte[]> SubmitTransactionAsync(string name, params byte[][] arguments) =>
        SubmitTransactionAsync(name, ProposalOptions.FromArguments(arguments));

    /// <summary>Endorses, submits and waits for the commit of a transaction; returns the chaincode's result.</summary>
    /// <exception cref="EndorseException">Endorsement failed.</exception>
    /// <exception cref="SubmitException">Ordering failed.</exception>
    /// <exception cref="CommitStatusException">The commit status could not be obtained.</exception>
    /// <exception cref="CommitException">The transaction committed as invalid.</exception>
    public async Task<byte[]> SubmitTransactionAsync(string name, ProposalOptions options, CancellationToken cancellationToken = default)
    {
        var transaction = await NewProposal(name, options).EndorseAsync(cancellationToken).ConfigureAwait(false);
        var submitted = await transaction.SubmitAsync(cancellationToken).ConfigureAwait(false);
        var status = await submitted.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        if (!status.Successful)
        {
            throw new CommitException(status);
        }

        return submitted.Result;
    }

    /// <summary>Builds a proposal for <paramref name="name"/> without sending it; the first step of the staged form.</summary>
    /// <param name="name">The transaction function; prefixed with <c>contract:</c> when the contract is named.</param>
    /// <param name="options">Arguments, transient data and endorsing organizations.</param>
    public Proposal NewProposal(string name, ProposalOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var transactionName = ContractName is null ? name : $"{ContractName}:{name}";
        var proposed = ProposalBuilder.Build(_context.Identity, ChannelName, ChaincodeName, transactionName, options ?? new ProposalOptions());
        return new Proposal(_context, proposed, ChannelName, ChaincodeName);
    }
}
