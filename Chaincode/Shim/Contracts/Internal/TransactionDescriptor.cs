using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>
/// Everything the router needs to run one transaction function, computed once at start-up:
/// its name, intent, parameters, context type, result type and a cached invoker.
/// </summary>
internal sealed class TransactionDescriptor
{
    private readonly MethodInvoker _invoker;
    private readonly ResultAwaiter _awaiter;
    private readonly int _requiredCount;

    /// <summary>Describes a validated transaction function.</summary>
    /// <param name="name">The function name clients call.</param>
    /// <param name="intent">Submit or evaluate.</param>
    /// <param name="method">The method.</param>
    /// <param name="contextType">The type of the method's first parameter.</param>
    /// <param name="parameters">The other parameters.</param>
    public TransactionDescriptor(
        string name, TransactionIntent intent, MethodInfo method, Type contextType, IReadOnlyList<ParameterDescriptor> parameters)
    {
        Name = name;
        Intent = intent;
        ContextType = contextType;
        Parameters = parameters;
        _invoker = MethodInvoker.Create(method);
        _awaiter = ResultAwaiter.For(method.ReturnType);
        _requiredCount = parameters.Count(parameter => !parameter.IsOptional);
    }

    /// <summary>The function name clients call.</summary>
    public string Name { get; }

    /// <summary>Whether clients submit or only evaluate the function.</summary>
    public TransactionIntent Intent { get; }

    /// <summary>The context type the function takes first.</summary>
    public Type ContextType { get; }

    /// <summary>The typed parameters after the context.</summary>
    public IReadOnlyList<ParameterDescriptor> Parameters { get; }

    /// <summary>The awaited result type; <see langword="null"/> when the function returns nothing.</summary>
    public Type? ResultType => _awaiter.ResultType;

    /// <summary>Decodes the transaction arguments into the method's argument array.</summary>
    /// <param name="args">The invocation arguments; <c>args[0]</c> is the function name.</param>
    /// <param name="serializer">The contract's serializer.</param>
    /// <returns>The arguments, with slot 0 left for the context.</returns>
    /// <exception cref="ChaincodeException">Status 400: wrong argument count, or an argument that does not decode.</exception>
    public object?[] BindArguments(IReadOnlyList<byte[]> args, ITransactionSerializer serializer)
    {
        var given = args.Count - 1;
        if (given < _requiredCount || given > Parameters.Count)
        {
            throw new ChaincodeException(ChaincodeStatus.BadRequest, ArgumentCountMessage(given));
        }

        var bound = new object?[Parameters.Count + 1];
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            bound[i + 1] = i < given ? Decode(parameter, args[i + 1], serializer) : parameter.DefaultValue;
        }

        return bound;
    }

    /// <summary>Runs the function and awaits its result.</summary>
    /// <param name="contract">The contract instance.</param>
    /// <param name="context">The transaction's context.</param>
    /// <param name="arguments">The array from <see cref="BindArguments"/>.</param>
    /// <returns>The awaited result, or <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">The contract created a context of the wrong type (a bug).</exception>
    public async ValueTask<object?> InvokeAsync(ContractBase contract, Context context, object?[] arguments)
    {
        if (!ContextType.IsInstanceOfType(context))
        {
            throw new InvalidOperationException(
                $"Transaction '{Name}' takes a {ContextType.Name} but CreateContext returned a {context.GetType().Name}.");
        }

        arguments[0] = context;
        object? returned;
        try
        {
            returned = _invoker.Invoke(contract, arguments.AsSpan());
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(wrapped.InnerException);
            throw;
        }

        return await _awaiter.AwaitAsync(returned).ConfigureAwait(false);
    }

    private object? Decode(ParameterDescriptor parameter, byte[] data, ITransactionSerializer serializer)
    {
        object? value;
        try
        {
            value = serializer.Deserialize(data, parameter.Type);
        }
        catch (JsonException error)
        {
            var where = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? string.Empty : $" at {error.Path}";
            throw InvalidArgument(parameter, $"is not valid JSON for {parameter.Type.Name}{where}");
        }
        catch (Exception error) when (error is FormatException or OverflowException or NotSupportedException)
        {
            throw InvalidArgument(parameter, $"is not a valid {parameter.Type.Name}");
        }

        if (value is null && !parameter.AllowsNull)
        {
            throw InvalidArgument(parameter, "must not be null");
        }

        return value;
    }

    private ChaincodeException InvalidArgument(ParameterDescriptor parameter, string problem) =>
        new(ChaincodeStatus.BadRequest, $"Argument '{parameter.Name}' of transaction '{Name}' {problem}.");

    private string ArgumentCountMessage(int given)
    {
        var expected = _requiredCount == Parameters.Count ? $"{Parameters.Count}" : $"{_requiredCount} to {Parameters.Count}";
        var names = string.Join(", ", Parameters.Select(parameter => parameter.Name));
        return $"Transaction '{Name}' expects {expected} argument(s) ({names}) but got {given}.";
    }
}
