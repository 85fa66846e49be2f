// The network, chaincode, gateway and workload resources are wired by the AppHost issue (#8).
var builder = DistributedApplication.CreateBuilder(args);
builder.Build().Run();
