namespace Ceiba.Network.Topology.Validation;

internal sealed partial class TopologyValidator
{
    private void ValidateOrgs()
    {
        var orgs = _topology.Orgs;
        if (orgs.Count == 0)
        {
            Error("$.orgs", "[]", "at least one peer organization");
        }
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var mspIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var domains = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hospitalIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < orgs.Count; i++)
        {
            var path = $"$.orgs[{i}]";
            var org = orgs[i];
            RequireName($"{path}.name", org.Name, NameRules.IsDnsLabel, NameRules.DnsLabelExpectation);
            RequireUnique(names, $"{path}.name", org.Name, "an organization name");
            RequireName($"{path}.mspId", org.MspId, NameRules.IsMspId, NameRules.MspIdExpectation);
            RequireUnique(mspIds, $"{path}.mspId", org.MspId, "an MSP ID");
            RequireName($"{path}.domain", org.Domain, NameRules.IsDomain, NameRules.DomainExpectation);
            RequireUnique(domains, $"{path}.domain", org.Domain, "a domain");
            ValidateProvince($"{path}.province", org.Province);
            ValidatePeers(path, org);
            ValidateCa($"{path}.ca", org.Ca, org.Domain, $"{path}.domain");
            ValidateHospitals(path, org, hospitalIds);
        }
        var ordererOrg = _topology.Orderers.Org;
        RequireUnique(names, "$.orderers.org.name", ordererOrg.Name, "an organization name");
        RequireUnique(mspIds, "$.orderers.org.mspId", ordererOrg.MspId, "an MSP ID");
        RequireUnique(domains, "$.orderers.org.domain", ordererOrg.Domain, "a domain");
    }

    private void ValidateProvince(string path, Province province)
    {
        var known = CubanProvinces.FindByCode(province.Code);
        if (known is null)
        {
            var codes = ShowList(CubanProvinces.All.Select(p => p.Code).Order(StringComparer.Ordinal));
            Error($"{path}.code", Show(province.Code), $"a Cuban province code: one of {codes}");
        }
        else if (province.Name != known.Name)
        {
            Error($"{path}.name", Show(province.Name), $"\"{known.Name}\", the name of province {known.Code}");
        }
    }

    private void ValidatePeers(string orgPath, Organization org)
    {
        if (org.Peers.Count == 0)
        {
            Error($"{orgPath}.peers", "[]", "at least one peer");
        }
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < org.Peers.Count; i++)
        {
            var path = $"{orgPath}.peers[{i}]";
            var peer = org.Peers[i];
            RequireName($"{path}.name", peer.Name, NameRules.IsDnsLabel, NameRules.DnsLabelExpectation);
            RequireUnique(names, $"{path}.name", peer.Name, "a peer name within the organization");
            UsePort($"{path}.port", peer.Port);
            UsePort($"{path}.operationsPort", peer.OperationsPort);
            UsePort($"{path}.chaincodePort", peer.ChaincodePort);
            UseHost($"{path}.name", peer.Name, org.Domain, $"{orgPath}.domain");
            ValidateResources($"{path}.resources", peer.Resources);
        }
    }

    private void ValidateCa(string path, CertificateAuthority? ca, string domain, string domainPath)
    {
        if (ca is null)
        {
            return;
        }
        RequireName($"{path}.name", ca.Name, NameRules.IsDnsLabel, NameRules.DnsLabelExpectation);
        UsePort($"{path}.port", ca.Port);
        UsePort($"{path}.operationsPort", ca.OperationsPort);
        UseHost($"{path}.name", ca.Name, domain, domainPath);
        ValidateResources($"{path}.resources", ca.Resources);
    }

    private void ValidateHospitals(string orgPath, Organization org, Dictionary<string, string> ids)
    {
        for (var i = 0; i < org.Hospitals.Count; i++)
        {
            var path = $"{orgPath}.hospitals[{i}]";
            var hospital = org.Hospitals[i];
            RequireName($"{path}.id", hospital.Id, NameRules.IsLowerDnsLabel, NameRules.LowerDnsLabelExpectation);
            RequireUnique(ids, $"{path}.id", hospital.Id, "a hospital id unique across the topology (it becomes a certificate attribute)");
            if (string.IsNullOrWhiteSpace(hospital.Name))
            {
                Error($"{path}.name", Show(hospital.Name), "the hospital's name");
            }
            if (hospital.Beds <= 0)
            {
                Error($"{path}.beds", Show(hospital.Beds), "a number of beds greater than 0");
            }
            if (hospital.Users is { } users)
            {
                if (users.Admins < 0)
                {
                    Error($"{path}.users.admins", Show(users.Admins), "a number of admins, 0 or more");
                }
                if (users.Doctors < 0)
                {
                    Error($"{path}.users.doctors", Show(users.Doctors), "a number of doctors, 0 or more");
                }
            }
        }
    }

    /// <summary>Reports <paramref name="value"/> if an earlier element used it (case-insensitive); remembers it otherwise.</summary>
    private void RequireUnique(Dictionary<string, string> seen, string path, string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (seen.TryGetValue(value, out var firstPath))
        {
            Error(path, Show(value), $"{what} not used before; {firstPath} already has it");
            return;
        }
        seen[value] = path;
    }
}
