using Ceiba.Chaincode.Ehr.Access;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Ehr;

/// <summary>The EHR contract's transaction context: the stub, the client identity and the <see cref="Caller"/>.</summary>
/// <param name="stub">The transaction's stub.</param>
public sealed class EhrContext(IChaincodeStub stub) : Context(stub)
{
    private readonly CallerCache? _cache;
    private Caller? _caller;

    internal EhrContext(IChaincodeStub stub, CallerCache cache)
        : this(stub) => _cache = cache;

    /// <summary>The caller's MSP and certificate attributes, read once per certificate.</summary>
    public Caller Caller => _caller ??= _cache is null ? Caller.From(ClientIdentity) : _cache.Get(Stub, () => Caller.From(ClientIdentity));

    /// <summary>Fails with 403 unless the caller holds <paramref name="role"/>.</summary>
    /// <param name="role">The role the transaction needs.</param>
    /// <exception cref="ChaincodeException">Status 403, naming the required role and the caller's.</exception>
    public void Require(Role role)
    {
        if (Caller.Has(role))
        {
            return;
        }

        var has = Caller.Role is null ? "no role attribute" : $"role '{Caller.Role}'";
        throw new ChaincodeException(
            ChaincodeStatus.Forbidden,
            $"{TransactionName} requires role '{RoleNames.ValueOf(role)}'; the caller from {Caller.MspId} has {has}.");
    }
}
