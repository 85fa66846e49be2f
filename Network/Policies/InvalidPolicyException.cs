namespace Ceiba.Network.Policies;

/// <summary>A policy in a channel configuration cannot be compiled.</summary>
public sealed class InvalidPolicyException(string message) : Exception(message);
