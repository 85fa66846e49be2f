using System.Reflection;

namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>
/// Reads a contract class once, at start-up: its name, its transaction functions and their
/// parameters. Definition mistakes fail here, loudly, instead of on a client's transaction.
/// </summary>
internal static class ContractInspector
{
    private const string AsyncSuffix = "Async";

    /// <summary>Describes a contract instance.</summary>
    /// <param name="contract">The contract.</param>
    /// <returns>Its descriptor (not yet marked default).</returns>
    /// <exception cref="InvalidOperationException">The contract is not well defined; the message says why.</exception>
    public static ContractDescriptor Describe(ContractBase contract)
    {
        var type = contract.GetType();
        var attribute = type.GetCustomAttribute<ContractAttribute>() ?? new ContractAttribute();
        var name = string.IsNullOrWhiteSpace(attribute.Name) ? type.Name : attribute.Name;
        if (name.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Contract name '{name}' must not contain ':'.");
        }

        var nullability = new NullabilityInfoContext();
        var transactions = new List<TransactionDescriptor>();
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(method => method.MetadataToken);
        foreach (var method in methods)
        {
            if (method.GetCustomAttribute<TransactionAttribute>() is { } transaction)
            {
                transactions.Add(DescribeTransaction(name, method, transaction, contract.Serializer, nullability));
            }
        }

        var duplicate = transactions.GroupBy(transaction => transaction.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Contract '{name}' declares transaction '{duplicate.Key}' more than once.");
        }

        return new ContractDescriptor(name, contract, attribute, transactions);
    }

    private static TransactionDescriptor DescribeTransaction(
        string contractName,
        MethodInfo method,
        TransactionAttribute attribute,
        ITransactionSerializer serializer,
        NullabilityInfoContext nullability)
    {
        var name = attribute.Name ?? TrimAsyncSuffix(method.Name);
        var where = $"Transaction '{contractName}:{name}' ({method.DeclaringType?.Name}.{method.Name})";
        if (name.Length == 0 || name.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{where}: the name must be non-empty and must not contain ':'.");
        }

        if (method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"{where}: a transaction function cannot be generic.");
        }

        var parameters = method.GetParameters();
        if (parameters.Length == 0 || !typeof(Context).IsAssignableFrom(parameters[0].ParameterType))
        {
            throw new InvalidOperationException($"{where}: the first parameter must be a Context.");
        }

        var typed = new List<ParameterDescriptor>();
        foreach (var parameter in parameters.Skip(1))
        {
            typed.Add(DescribeParameter(where, parameter, serializer, nullability));
        }

        var descriptor = new TransactionDescriptor(name, attribute.Intent, method, parameters[0].ParameterType, typed);
        if (descriptor.ResultType is { } resultType && !serializer.CanSerialize(resultType))
        {
            throw new InvalidOperationException(
                $"{where}: the serializer cannot write the return type {resultType.Name}; add it to the contract's JSON context.");
        }

        return descriptor;
    }

    private static ParameterDescriptor DescribeParameter(
        string where, ParameterInfo parameter, ITransactionSerializer serializer, NullabilityInfoContext nullability)
    {
        var type = parameter.ParameterType;
        if (type.IsByRef || type.IsPointer)
        {
            throw new InvalidOperationException($"{where}: parameter '{parameter.Name}' cannot be ref, out or a pointer.");
        }

        if (!serializer.CanSerialize(type))
        {
            throw new InvalidOperationException(
                $"{where}: the serializer cannot read parameter '{parameter.Name}' of type {type.Name}; add it to the contract's JSON context.");
        }

        var allowsNull = type.IsValueType
            ? Nullable.GetUnderlyingType(type) is not null
            : nullability.Create(parameter).ReadState != NullabilityState.NotNull;
        return new ParameterDescriptor(
            parameter.Name ?? $"arg{parameter.Position - 1}",
            type,
            allowsNull,
            parameter.HasDefaultValue,
            parameter.HasDefaultValue ? parameter.DefaultValue : null);
    }

    private static string TrimAsyncSuffix(string methodName) =>
        methodName.Length > AsyncSuffix.Length && methodName.EndsWith(AsyncSuffix, StringComparison.Ordinal)
            ? methodName[..^AsyncSuffix.Length]
            : methodName;
}
