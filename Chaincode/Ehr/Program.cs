using Ceiba.Chaincode.Ehr;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;
using Microsoft.Extensions.Hosting;

// The OMOP EHR chaincode as a service (CCaaS): the peer dials CHAINCODE_SERVER_ADDRESS and the
// server registers as CHAINCODE_ID, the package id, as Fabric's CCaaS chaincodes do.
var builder = ChaincodeServer.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseContracts(new EhrContract());

ChaincodeServer server;
try
{
    server = builder.Build();
}
catch (InvalidOperationException configurationError)
{
    Console.Error.WriteLine($"Ceiba EHR chaincode: {configurationError.Message}");
    return 2;
}

await using (server)
{
    await server.RunAsync();
}
return 0;
