// The CLI (run --scenario ...) is built by the LoadTests issue.
Console.Error.WriteLine("Ceiba load tests: the CLI is not built yet (see the LoadTests issue).");
return 1;
