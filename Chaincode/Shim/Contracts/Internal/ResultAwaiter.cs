using System.Reflection;

namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>
/// Turns whatever a transaction function returned (a value, a task or a value task) into its
/// awaited result. Built once per function at start-up; the reflection it needs is cached here.
/// </summary>
internal sealed class ResultAwaiter
{
    private readonly ResultKind _kind;
    private readonly MethodInvoker? _asTask;
    private readonly MethodInvoker? _getResult;

    private ResultAwaiter(ResultKind kind, Type? resultType, MethodInvoker? asTask, MethodInvoker? getResult)
    {
        _kind = kind;
        ResultType = resultType;
        _asTask = asTask;
        _getResult = getResult;
    }

    /// <summary>The type of the awaited result; <see langword="null"/> when there is none.</summary>
    public Type? ResultType { get; }

    /// <summary>Inspects a method's return type.</summary>
    /// <param name="returnType">The declared return type.</param>
    /// <returns>The awaiter for that return type.</returns>
    public static ResultAwaiter For(Type returnType)
    {
        if (returnType == typeof(void))
        {
            return new(ResultKind.Void, null, null, null);
        }

        if (returnType == typeof(Task))
        {
            return new(ResultKind.Task, null, null, null);
        }

        if (returnType == typeof(ValueTask))
        {
            return new(ResultKind.ValueTask, null, null, null);
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            var resultType = returnType.GetGenericArguments()[0];
            var taskType = typeof(Task<>).MakeGenericType(resultType);
            var getResult = MethodInvoker.Create(taskType.GetProperty(nameof(Task<int>.Result))!.GetMethod!);
            if (definition == typeof(Task<>))
            {
                return new(ResultKind.TaskOfResult, resultType, null, getResult);
            }

            if (definition == typeof(ValueTask<>))
            {
                var asTask = MethodInvoker.Create(returnType.GetMethod(nameof(ValueTask<int>.AsTask))!);
                return new(ResultKind.ValueTaskOfResult, resultType, asTask, getResult);
            }
        }

        return new(ResultKind.Value, returnType, null, null);
    }

    /// <summary>Awaits what the function returned.</summary>
    /// <param name="returned">The function's return value.</param>
    /// <returns>The result; <see langword="null"/> for functions without one.</returns>
    public async ValueTask<object?> AwaitAsync(object? returned)
    {
        switch (_kind)
        {
            case ResultKind.Void:
                return null;
            case ResultKind.Value:
                return returned;
            case ResultKind.Task:
                await ((Task)returned!).ConfigureAwait(false);
                return null;
            case ResultKind.ValueTask:
                await ((ValueTask)returned!).ConfigureAwait(false);
                return null;
            case ResultKind.TaskOfResult:
                return await ResultOfAsync((Task)returned!).ConfigureAwait(false);
            default:
                return await ResultOfAsync((Task)_asTask!.Invoke(returned)!).ConfigureAwait(false);
        }
    }

    private async ValueTask<object?> ResultOfAsync(Task task)
    {
        await task.ConfigureAwait(false);
        return _getResult!.Invoke(task);
    }
}
