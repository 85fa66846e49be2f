using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Ceiba.Network.Topology.Tests")]
