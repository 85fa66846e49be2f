using System.Text.Json.Serialization;

namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>A source-generated context with no types, for contracts that exchange only primitives.</summary>
[JsonSerializable(typeof(object))]
internal sealed partial class EmptyJsonContext : JsonSerializerContext;
