// The load engine and workloads are built by the LoadTests issue.
Console.Error.WriteLine("Ceiba load tests: not built yet (see the LoadTests issue).");
return 1;
