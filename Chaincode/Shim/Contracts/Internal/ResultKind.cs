namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>How a transaction function hands back its result.</summary>
internal enum ResultKind
{
    /// <summary><c>void</c>.</summary>
    Void,

    /// <summary>A value returned synchronously.</summary>
    Value,

    /// <summary><see cref="Task"/>.</summary>
    Task,

    /// <summary><see cref="Task{TResult}"/>.</summary>
    TaskOfResult,

    /// <summary><see cref="ValueTask"/>.</summary>
    ValueTask,

    /// <summary><see cref="ValueTask{TResult}"/>.</summary>
    ValueTaskOfResult,
}
