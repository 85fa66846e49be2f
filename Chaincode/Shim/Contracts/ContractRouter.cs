using Ceiba.Chaincode.Shim.Contracts.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>
/// The chaincode that runs contracts: it routes <c>ContractName:Function</c> (or <c>Function</c>, for the
/// default contract) to a transaction function, decodes the arguments, runs the hooks and encodes the
/// result, as the Java and Node contract APIs do. It also answers <c>org.hyperledger.fabric:GetMetadata</c>.
/// </summary>
/// <remarks>
/// All contracts are inspected once, in the constructor; a badly defined contract fails there. Errors
/// reach the client as a response status: <see cref="ChaincodeException"/> with its own status and message,
/// anything else as 500 "internal error" (logged, never returned).
/// </remarks>
public sealed class ContractRouter : IChaincode
{
    /// <summary>The message a client receives for an unexpected exception.</summary>
    public const string InternalErrorMessage = "internal error";

    private readonly Dictionary<string, ContractDescriptor> _contracts = new(StringComparer.Ordinal);
    private readonly ContractDescriptor _default;
    private readonly byte[] _metadata;
    private readonly ILogger _logger;

    /// <summary>Registers contracts; the first one is the default unless one says <see cref="ContractAttribute.IsDefault"/>.</summary>
    /// <param name="contracts">The contracts, at least one.</param>
    /// <param name="logger">Where failures are logged; nothing is logged when omitted.</param>
    /// <exception cref="ArgumentException">No contracts, two with one name, or more than one default.</exception>
    /// <exception cref="InvalidOperationException">A contract is not well defined; the message says why.</exception>
    public ContractRouter(IEnumerable<ContractBase> contracts, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        _logger = logger ?? NullLogger.Instance;
        var described = contracts.Select(ContractInspector.Describe).ToList();
        if (described.Count == 0)
        {
            throw new ArgumentException("At least one contract is required.", nameof(contracts));
        }

        var defaults = described.Where(contract => contract.Attribute.IsDefault).ToList();
        if (defaults.Count > 1)
        {
            throw new ArgumentException("Only one contract can be the default.", nameof(contracts));
        }

        var defaultName = (defaults.FirstOrDefault() ?? described[0]).Name;
        described = described.ConvertAll(contract => contract with { IsDefault = contract.Name == defaultName });
        foreach (var contract in described)
        {
            if (contract.Name == SystemContract.Name || !_contracts.TryAdd(contract.Name, contract))
            {
                throw new ArgumentException($"Contract name '{contract.Name}' is used twice or reserved.", nameof(contracts));
            }

            ContractRouterLog.ContractRegistered(_logger, contract.Name, contract.Transactions.Count, contract.IsDefault);
        }

        _default = _contracts[defaultName];
        _metadata = MetadataWriter.Write(described);
    }

    /// <summary>Registers contracts without logging; the first one is the default.</summary>
    /// <param name="contracts">The contracts, at least one.</param>
    public ContractRouter(params ContractBase[] contracts)
        : this((IEnumerable<ContractBase>)contracts)
    {
    }

    /// <summary>The contract metadata JSON that <c>org.hyperledger.fabric:GetMetadata</c> returns.</summary>
    public ReadOnlyMemory<byte> Metadata => _metadata;

    /// <inheritdoc />
    /// <remarks>Routed exactly as <see cref="InvokeAsync"/>; with no arguments it succeeds with an empty payload.</remarks>
    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub) => InvokeAsync(stub);

    /// <inheritdoc />
    public async Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub)
    {
        ArgumentNullException.ThrowIfNull(stub);
        if (stub.Args.Count == 0)
        {
            return ChaincodeResponse.Success();
        }

        var function = stub.Function;
        try
        {
            var (contractName, transactionName) = Split(function);
            if (contractName == SystemContract.Name)
            {
                return RunSystemContract(transactionName);
            }

            var contract = contractName is null ? _default : FindContract(contractName);
            return await RunAsync(contract, transactionName, stub).ConfigureAwait(false);
        }
        catch (ChaincodeException rejected)
        {
            ContractRouterLog.TransactionRejected(_logger, stub.ChannelId, stub.TxId, function, rejected.Status, rejected.Message);
            return ChaincodeResponse.Error(rejected.Message, rejected.Status, rejected.Payload);
        }
        catch (Exception failure)
        {
            ContractRouterLog.TransactionFailed(_logger, failure, stub.ChannelId, stub.TxId, function);
            return ChaincodeResponse.Error(InternalErrorMessage, ChaincodeResponse.InternalError);
        }
    }

    private static async Task<ChaincodeResponse> RunAsync(ContractDescriptor contract, string transactionName, IChaincodeStub stub)
    {
        var instance = contract.Instance;
        var context = instance.CreateContext(stub);
        context.TransactionName = transactionName;
        if (!contract.ByName.TryGetValue(transactionName, out var transaction))
        {
            await instance.UnknownTransactionAsync(context).ConfigureAwait(false);
            return ChaincodeResponse.Success();
        }

        var serializer = instance.Serializer;
        var arguments = transaction.BindArguments(stub.Args, serializer);
        await instance.BeforeTransactionAsync(context).ConfigureAwait(false);
        var result = await transaction.InvokeAsync(instance, context, arguments).ConfigureAwait(false);
        await instance.AfterTransactionAsync(context, result).ConfigureAwait(false);
        return transaction.ResultType is { } resultType
            ? ChaincodeResponse.Success(serializer.Serialize(result, resultType))
            : ChaincodeResponse.Success();
    }

    private ChaincodeResponse RunSystemContract(string transactionName) =>
        transactionName == SystemContract.GetMetadata
            ? ChaincodeResponse.Success(_metadata)
            : throw new ChaincodeException(
                ChaincodeStatus.BadRequest, $"Undefined contract method called: '{SystemContract.Name}:{transactionName}'.");

    private ContractDescriptor FindContract(string contractName) =>
        _contracts.TryGetValue(contractName, out var contract)
            ? contract
            : throw new ChaincodeException(
                ChaincodeStatus.BadRequest,
                $"Contract '{contractName}' is not known; known contracts: {string.Join(", ", _contracts.Keys)}.");

    private static (string? Contract, string Transaction) Split(string function)
    {
        var colon = function.LastIndexOf(':');
        return colon < 0 ? (null, function) : (function[..colon], function[(colon + 1)..]);
    }
}
