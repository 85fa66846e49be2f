using Ceiba.Chaincode.Ehr;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;

// The OMOP EHR chaincode as a service (CCaaS): the peer dials CHAINCODE_SERVER_ADDRESS and the
// server registers as CHAINCODE_ID, the package id, as Fabric's CCaaS chaincodes do.
var builder = ChaincodeServer.CreateBuilder(args);
builder.UseContracts(new EhrContract());

await using var server = builder.Build();
await server.RunAsync();
