using Ceiba.LoadTests.Cli;

return await CliApp.RunAsync(args, CancellationToken.None);
