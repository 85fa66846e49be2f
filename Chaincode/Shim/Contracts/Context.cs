namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>
/// What a transaction function knows about its transaction: the <see cref="Stub"/> (ledger and
/// proposal) and the submitting <see cref="ClientIdentity"/>. The first parameter of every
/// <see cref="TransactionAttribute">transaction function</see>.
/// </summary>
/// <remarks>
/// A contract may subclass the context to carry more per-transaction state (for example the
/// caller's role); it creates it in <see cref="ContractBase.CreateContext"/>.
/// </remarks>
/// <param name="stub">The transaction's stub.</param>
/// <param name="clientIdentity">
/// The caller; read from the stub's creator on first use when <see langword="null"/>.
/// </param>
public class Context(IChaincodeStub stub, ClientIdentity? clientIdentity = null)
{
    private ClientIdentity? _clientIdentity = clientIdentity;

    /// <summary>The transaction's view of the ledger and of its proposal.</summary>
    public IChaincodeStub Stub { get; } = stub ?? throw new ArgumentNullException(nameof(stub));

    /// <summary>The submitting client: MSP id, certificate and Fabric CA attributes.</summary>
    /// <remarks>Parsed from the creator certificate on first use, so transactions that never ask pay nothing.</remarks>
    public ClientIdentity ClientIdentity => _clientIdentity ??= ClientIdentity.FromStub(Stub);

    /// <summary>
    /// The transaction function being run, without the contract prefix (for example <c>CreateNote</c>);
    /// for an unknown function, the name the client sent.
    /// </summary>
    public string TransactionName { get; internal set; } = string.Empty;
}
