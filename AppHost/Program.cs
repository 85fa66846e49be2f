// The Aspire app model (orderers, peers, chaincode, gateway, workload) is wired by the AppHost issue.
Console.WriteLine("""
    Ceiba: the network is not wired into the AppHost yet.

    What works today:
      dotnet run --project Network/Node -- generate --topology Network/topologies/cuba-3.json --out out/cuba-3
      dotnet test
    """);
return 0;
