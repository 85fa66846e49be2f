// The OMOP EHR contract's CCaaS server is built by the chaincode issue.
Console.Error.WriteLine("Ceiba EHR chaincode: not built yet (see the chaincode issue).");
return 1;
