// The EHR service is built by the gateway issue; until then it only answers that it is not wired.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => Results.Problem("The Ceiba EHR service is not wired yet.", statusCode: 503));
app.Run();
