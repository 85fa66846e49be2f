namespace Ceiba.Gateway.Api.Fabric;

/// <summary>The generated material has no identity for a hospital and role, so the request cannot be signed.</summary>
public sealed class NoHospitalIdentityException(string hospital, string role)
    : Exception($"The network has no '{role}' identity for hospital '{hospital}'.")
{
    /// <summary>The hospital id.</summary>
    public string Hospital { get; } = hospital;

    /// <summary>The role.</summary>
    public string Role { get; } = role;
}
