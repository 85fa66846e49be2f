using System.Text.Json;

namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>
/// Builds the JSON that <c>org.hyperledger.fabric:GetMetadata</c> returns, in the shape of the Node and
/// Java contract APIs: <c>$schema</c>, <c>info</c>, <c>contracts</c> (each with <c>name</c>, <c>info</c>,
/// <c>contractInstance</c> and <c>transactions</c>) and <c>components.schemas</c>.
/// </summary>
internal static class MetadataWriter
{
    /// <summary>The JSON schema the metadata follows (the Node contract API's).</summary>
    public const string SchemaUrl = "https://hyperledger.github.io/fabric-chaincode-node/main/api/contract-schema.json";

    /// <summary>Writes the metadata of the registered contracts, the system contract last.</summary>
    /// <param name="contracts">The registered contracts.</param>
    /// <returns>The metadata as UTF-8 JSON.</returns>
    public static byte[] Write(IReadOnlyList<ContractDescriptor> contracts)
    {
        var catalog = new SchemaCatalog();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUrl);
            var main = contracts.FirstOrDefault(contract => contract.IsDefault) ?? contracts[0];
            WriteInfo(writer, main.Attribute);
            writer.WriteStartObject("contracts");
            foreach (var contract in contracts)
            {
                WriteContract(writer, contract, catalog);
            }

            WriteSystemContract(writer);
            writer.WriteEndObject();
            writer.WriteStartObject("components");
            catalog.WriteComponents(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteContract(Utf8JsonWriter writer, ContractDescriptor contract, SchemaCatalog catalog)
    {
        writer.WriteStartObject(contract.Name);
        writer.WriteString("name", contract.Name);
        WriteInfo(writer, contract.Attribute);
        writer.WriteStartObject("contractInstance");
        writer.WriteString("name", contract.Name);
        if (contract.IsDefault)
        {
            writer.WriteBoolean("default", true);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("transactions");
        foreach (var transaction in contract.Transactions)
        {
            WriteTransaction(writer, transaction, contract.Instance.Serializer, catalog);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTransaction(
        Utf8JsonWriter writer, TransactionDescriptor transaction, ITransactionSerializer serializer, SchemaCatalog catalog)
    {
        writer.WriteStartObject();
        writer.WriteString("name", transaction.Name);
        WriteTags(writer, transaction.Intent);
        writer.WriteStartArray("parameters");
        foreach (var parameter in transaction.Parameters)
        {
            writer.WriteStartObject();
            writer.WriteString("name", parameter.Name);
            writer.WriteString("description", string.Empty);
            writer.WritePropertyName("schema");
            catalog.WriteSchema(writer, parameter.Type, serializer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (transaction.ResultType is { } resultType)
        {
            writer.WritePropertyName("returns");
            catalog.WriteSchema(writer, resultType, serializer);
        }

        writer.WriteEndObject();
    }

    private static void WriteTags(Utf8JsonWriter writer, TransactionIntent intent)
    {
        // The tags the Node contract API writes for @Transaction() and @Transaction(false).
        writer.WriteStartArray("tag");
        if (intent == TransactionIntent.Submit)
        {
            writer.WriteStringValue("SUBMIT");
            writer.WriteStringValue("submitTx");
        }
        else
        {
            writer.WriteStringValue("EVALUATE");
        }

        writer.WriteEndArray();
    }

    private static void WriteSystemContract(Utf8JsonWriter writer)
    {
        writer.WriteStartObject(SystemContract.Name);
        writer.WriteString("name", SystemContract.Name);
        writer.WriteStartObject("info");
        writer.WriteString("title", string.Empty);
        writer.WriteString("version", string.Empty);
        writer.WriteEndObject();
        writer.WriteStartObject("contractInstance");
        writer.WriteString("name", SystemContract.Name);
        writer.WriteEndObject();
        writer.WriteStartArray("transactions");
        writer.WriteStartObject();
        writer.WriteString("name", SystemContract.GetMetadata);
        WriteTags(writer, TransactionIntent.Evaluate);
        writer.WriteStartArray("parameters");
        writer.WriteEndArray();
        writer.WriteStartObject("returns");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteInfo(Utf8JsonWriter writer, ContractAttribute attribute)
    {
        writer.WriteStartObject("info");
        writer.WriteString("title", attribute.Title ?? string.Empty);
        writer.WriteString("version", attribute.Version ?? string.Empty);
        if (!string.IsNullOrEmpty(attribute.Description))
        {
            writer.WriteString("description", attribute.Description);
        }

        writer.WriteEndObject();
    }
}
