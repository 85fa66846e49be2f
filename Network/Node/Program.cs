using System.CommandLine;
using Ceiba.Network.Node.Commands;

var root = new RootCommand("Ceiba network host: generates network material and runs embedded Fabric-compatible nodes.")
{
    GenerateCommand.Create(),
    OrdererCommand.Create(),
    PeerCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
