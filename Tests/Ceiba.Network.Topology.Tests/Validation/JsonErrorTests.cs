namespace Ceiba.Network.Topology.Tests.Validation;

public class JsonErrorTests
{
    /// <summary>A JSON-level fault: the text to replace in the valid topology, and the error it must give.</summary>
    public sealed record JsonCase(string Find, string Replace, string Path, string Value, string Expected);

    private static readonly Dictionary<string, JsonCase> Cases = new()
    {
        ["string for a port"] = new("\"port\": 11310", "\"port\": \"11310\"", "$.orgs[1].peers[0].port", "\"11310\"", "an integer"),
        ["fraction for a port"] = new("\"port\": 11310", "\"port\": 11310.5", "$.orgs[1].peers[0].port", "11310.5", "an integer"),
        ["object for a name"] = new("\"name\": \"Santiago\"", "\"name\": { \"es\": \"Santiago\" }", "$.orgs[1].name", "an object", "a string"),
        ["number for a duration"] = new("\"timeout\": \"2s\"", "\"timeout\": 2", "$.orderers.batch.timeout", "2", "a duration string such as \"2s\", \"500ms\" or \"1m\""),
        ["malformed duration"] = new("\"timeout\": \"2s\"", "\"timeout\": \"2 seconds\"", "$.orderers.batch.timeout", "\"2 seconds\"", "a duration string such as \"2s\""),
        ["unknown consensus"] = new("\"consensus\": \"raft\"", "\"consensus\": \"pbft\"", "$.orderers.consensus", "\"pbft\"", "\"raft\" or \"solo\""),
        ["missing required port"] = new("\"port\": 11310, ", "", "$.orgs[1].peers[0].port", "(missing)", "an integer (required)"),
        ["missing required orgs"] = new("\"orgs\": [", "\"organizations\": [", "$.organizations", "an unknown property", "one of the properties of $: name, description, domain, orgs, orderers, channels, chaincodes, links"),
        ["misspelled property"] = new("\"maxMessageCount\": 500", "\"maxMesageCount\": 500", "$.orderers.batch.maxMesageCount", "an unknown property", "one of the properties of $.orderers.batch: timeout, maxMessageCount, absoluteMaxBytes, preferredMaxBytes"),
        ["null for a required string"] = new("\"mspId\": \"SantiagoMSP\"", "\"mspId\": null", "$.orgs[1].mspId", "null", "a string"),
        ["array where an object belongs"] = new("\"default\": { \"latencyMs\": 0, \"jitterMs\": 0 }", "\"default\": [0, 0]", "$.links.default", "an array of 2", "an object (LinkProfile)"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Turns_json_faults_into_path_value_and_expectation(string caseName)
    {
        // Arrange
        var bad = Cases[caseName];
        Assert.Contains(bad.Find, ValidTopology.Json, StringComparison.Ordinal);
        var json = ReplaceFirst(ValidTopology.Json, bad.Find, bad.Replace);

        // Act
        var exception = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(json, "test.json"));

        // Assert
        var error = Assert.Single(exception.Errors);
        Assert.Equal((bad.Path, bad.Value), (error.Path, error.Value));
        Assert.Contains(bad.Expected, error.Expected, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, bad.Replace.Length > 0 ? bad.Replace : "\"peers\": [ { \"name\": \"peer0\", \"chaincodePort\": 11311"), error.Line);
    }

    [Fact]
    public void Malformed_json_names_line_and_column()
    {
        // Arrange: a missing comma after the Santiago CA's port.
        var json = ValidTopology.Json.Replace("\"port\": 11300,", "\"port\": 11300", StringComparison.Ordinal);

        // Act
        var exception = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(json, "test.json"));

        // Assert
        var error = Assert.Single(exception.Errors);
        Assert.Equal("$.orgs[1].ca", error.Path);
        Assert.StartsWith("malformed JSON at column ", error.Value, StringComparison.Ordinal);
        Assert.StartsWith("valid JSON (", error.Expected, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, "\"port\": 11300"), error.Line);
    }

    [Fact]
    public void Empty_text_is_reported_at_the_root()
    {
        // Arrange
        const string json = "";

        // Act
        var exception = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(json, "empty.json"));

        // Assert
        var error = Assert.Single(exception.Errors);
        Assert.Equal("$", error.Path);
        Assert.Equal("empty.json", error.Source);
    }

    [Fact]
    public void Json_null_is_not_a_topology()
    {
        // Arrange
        const string json = "null";

        // Act
        var exception = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(json, "null.json"));

        // Assert
        var error = Assert.Single(exception.Errors);
        Assert.Equal(("$", "null", "a topology object"), (error.Path, error.Value, error.Expected));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        // Arrange
        var json = ValidTopology.Json
            .Replace("\"name\": \"test\",", "// a comment\n  \"name\": \"test\",", StringComparison.Ordinal)
            .Replace("\"orgs\": [\"Habana\", \"Santiago\"]", "\"orgs\": [\"Habana\", \"Santiago\",]", StringComparison.Ordinal);

        // Act
        var topology = TopologyLoader.Parse(json, "test.json");

        // Assert
        Assert.Equal(["Habana", "Santiago"], topology.Channels[0].Orgs);
    }

    [Fact]
    public void Null_list_elements_are_reported_not_thrown()
    {
        // Arrange
        var json = ValidTopology.Json.Replace("\"orgs\": [\n", "\"orgs\": [ null,\n", StringComparison.Ordinal);
        Assert.NotEqual(ValidTopology.Json, json);

        // Act
        var exception = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(json, "test.json"));

        // Assert
        var error = Assert.Single(exception.Errors);
        Assert.Equal(("$.orgs[0]", "null", "an object"), (error.Path, error.Value, error.Expected));
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }

    private static int LineOf(string json, string fragment)
    {
        var at = json.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(at >= 0, $"fragment not found: {fragment}");
        return json[..at].Count(c => c == '\n') + 1;
    }
}
