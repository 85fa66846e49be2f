// The Ceiba EHR service: turns HTTP requests into Fabric transactions (see README.md and notes/api-contract.md).
using Ceiba.Gateway.Api;

var app = EhrApplication.Build(args);
app.Run();
