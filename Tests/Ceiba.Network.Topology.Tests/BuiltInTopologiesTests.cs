namespace Ceiba.Network.Topology.Tests;

public sealed class BuiltInTopologiesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ceiba-topologies-");

    [Fact]
    public void Finds_the_file_next_to_the_app_first()
    {
        // Arrange: both an app-local copy and a source tree above the app.
        var app = _root.CreateSubdirectory("repo/Network/Node/bin/Debug/net10.0");
        var beside = Write(Path.Combine(app.FullName, "topologies", "seed.json"));
        Write(Path.Combine(_root.FullName, "repo", "Network", "topologies", "seed.json"));

        // Act
        var path = BuiltInTopologies.GetPath("seed", app.FullName);

        // Assert
        Assert.Equal(beside, path);
    }

    [Fact]
    public void Walks_up_to_network_topologies_in_the_source_tree()
    {
        // Arrange
        var app = _root.CreateSubdirectory("repo/Tests/Some.Tests/bin/Debug/net10.0");
        var inTree = Write(Path.Combine(_root.FullName, "repo", "Network", "topologies", "cuba-national.json"));

        // Act
        var path = BuiltInTopologies.GetPath("CUBA-NATIONAL", app.FullName);

        // Assert
        Assert.Equal(inTree, path);
    }

    [Fact]
    public void Unknown_names_and_missing_files_say_what_was_expected()
    {
        // Arrange
        var app = _root.CreateSubdirectory("empty");

        // Act
        var unknown = Assert.Throws<ArgumentException>(() => BuiltInTopologies.GetPath("cuba-4", app.FullName));
        var missing = Assert.Throws<FileNotFoundException>(() => BuiltInTopologies.GetPath("seed", app.FullName));

        // Assert
        Assert.Contains("seed, cuba-3, cuba-national", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("Network/topologies", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_run_finds_the_shipped_files_in_the_repository()
    {
        // Arrange
        var expectedFolder = Path.Combine("Network", "topologies");

        // Act
        var paths = BuiltInTopologies.Names.Select(BuiltInTopologies.GetPath).ToList();

        // Assert
        Assert.All(paths, p => Assert.Contains(expectedFolder, p, StringComparison.Ordinal));
        Assert.All(paths, p => Assert.True(File.Exists(p)));
    }

    [Fact]
    public void LoadByNameOrPath_takes_a_name_or_a_file()
    {
        // Arrange
        var file = Path.Combine(_root.FullName, "mine.json");
        File.Copy(BuiltInTopologies.GetPath("seed"), file);

        // Act
        var byName = TopologyLoader.LoadByNameOrPath("cuba-3");
        var byPath = TopologyLoader.LoadByNameOrPath(file);
        var neither = Assert.Throws<FileNotFoundException>(() => TopologyLoader.LoadByNameOrPath("nowhere.json"));

        // Assert
        Assert.Equal("cuba-3", byName.Name);
        Assert.Equal("seed", byPath.Name);
        Assert.Contains("seed, cuba-3, cuba-national", neither.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_names_the_file_in_errors()
    {
        // Arrange
        var file = Path.Combine(_root.FullName, "broken.json");
        File.WriteAllText(file, File.ReadAllText(BuiltInTopologies.GetPath("seed")).Replace("\"2s\"", "\"0s\"", StringComparison.Ordinal));

        // Act
        var exception = Assert.Throws<TopologyException>(() => TopologyLoader.Load(file));

        // Assert
        var error = Assert.Single(exception.Errors);
        Assert.Equal(("broken.json", "$.orderers.batch.timeout"), (error.Source, error.Path));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static string Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}");
        return path;
    }
}
