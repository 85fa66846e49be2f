namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>One typed parameter of a transaction function (the context excluded).</summary>
/// <param name="Name">The parameter name, as clients see it in the metadata and in errors.</param>
/// <param name="Type">The parameter type.</param>
/// <param name="AllowsNull">Whether <see langword="null"/> is an acceptable value.</param>
/// <param name="IsOptional">Whether the argument may be left out (the parameter has a default value).</param>
/// <param name="DefaultValue">The value used when the argument is left out.</param>
internal sealed record ParameterDescriptor(string Name, Type Type, bool AllowsNull, bool IsOptional, object? DefaultValue);
