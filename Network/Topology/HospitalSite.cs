namespace Ceiba.Network.Topology;

/// <summary>A hospital together with the organization (province) that it belongs to.</summary>
/// <param name="Hospital">The hospital.</param>
/// <param name="Org">Its organization.</param>
public sealed record HospitalSite(Hospital Hospital, Organization Org);
