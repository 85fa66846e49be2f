namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>
/// The base class of every contract. Subclasses carry <see cref="ContractAttribute"/>, declare
/// <see cref="TransactionAttribute">transaction functions</see>, and may override the hooks, which
/// run around every transaction of this contract as in fabric-chaincode-java.
/// </summary>
/// <remarks>
/// One instance serves all transactions, concurrently: keep per-transaction state in the
/// <see cref="Context"/>, never in fields.
/// </remarks>
public abstract class ContractBase
{
    /// <summary>
    /// Reads parameters and writes return values. The default handles only strings, numbers,
    /// booleans and byte arrays; a contract with complex types returns a
    /// <see cref="JsonTransactionSerializer"/> over its own source-generated JSON context.
    /// </summary>
    public virtual ITransactionSerializer Serializer => JsonTransactionSerializer.PrimitivesOnly;

    /// <summary>Creates the context passed to the hooks and the transaction function.</summary>
    /// <param name="stub">The transaction's stub.</param>
    /// <returns>A new context; a subclass may return a subclass of <see cref="Context"/>.</returns>
    public virtual Context CreateContext(IChaincodeStub stub) => new(stub);

    /// <summary>Runs before every known transaction function of this contract; throw to stop the transaction.</summary>
    /// <param name="context">The transaction's context.</param>
    /// <returns>A task that completes when the hook is done.</returns>
    public virtual Task BeforeTransactionAsync(Context context) => Task.CompletedTask;

    /// <summary>Runs after a transaction function returned normally; throw to fail the transaction.</summary>
    /// <param name="context">The transaction's context.</param>
    /// <param name="result">What the function returned (the awaited value for tasks); <see langword="null"/> for none.</param>
    /// <returns>A task that completes when the hook is done.</returns>
    public virtual Task AfterTransactionAsync(Context context, object? result) => Task.CompletedTask;

    /// <summary>
    /// Runs instead of a transaction function when the client names a function this contract does
    /// not have. The default fails with status 400; an override that returns normally makes the
    /// transaction succeed with an empty payload.
    /// </summary>
    /// <param name="context">The transaction's context; <see cref="Context.TransactionName"/> is the unknown name.</param>
    /// <returns>A task that completes when the hook is done.</returns>
    /// <exception cref="ChaincodeException">Always, in the default implementation.</exception>
    public virtual Task UnknownTransactionAsync(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        throw new ChaincodeException(
            ChaincodeStatus.BadRequest, $"Undefined contract method called: '{context.TransactionName}'.");
    }
}
