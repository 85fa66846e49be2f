namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>
/// Marks a public method of a contract as a transaction function, as <c>@Transaction</c> does in
/// fabric-chaincode-java.
/// </summary>
/// <remarks>
/// The first parameter is the <see cref="Context"/> (or a subclass the contract creates in
/// <see cref="ContractBase.CreateContext"/>); the others are decoded from the transaction
/// arguments by the contract's <see cref="ITransactionSerializer"/>. The method may return
/// <c>void</c>, a value, <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/>
/// or <see cref="ValueTask{TResult}"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TransactionAttribute : Attribute
{
    /// <summary>Whether clients submit or only evaluate the transaction; <see cref="TransactionIntent.Submit"/> by default.</summary>
    public TransactionIntent Intent { get; init; } = TransactionIntent.Submit;

    /// <summary>
    /// The function name clients call; when not set, the method name without an <c>Async</c> suffix.
    /// </summary>
    public string? Name { get; init; }
}
