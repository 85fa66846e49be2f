namespace Ceiba.Network.Topology;

/// <summary>How many identities to enroll at a hospital, by the prototype's roles.</summary>
public sealed record HospitalUsers
{
    /// <summary>Hospital administrators, who register doctors; at least zero. Default 1.</summary>
    public int Admins { get; set; } = 1;

    /// <summary>Doctors, who create and read records; at least zero. Default 2.</summary>
    public int Doctors { get; set; } = 2;
}
