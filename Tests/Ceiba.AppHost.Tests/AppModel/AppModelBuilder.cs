using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Ceiba.AppHost.Tests.AppModel;

/// <summary>
/// The AppHost's app model for some options, built by its own Program through the testing builder, without starting
/// anything. The network material goes to a temp directory that is deleted afterwards.
/// </summary>
public sealed class AppModelBuilder : IAsyncDisposable
{
    private readonly IDistributedApplicationTestingBuilder _builder;

    private AppModelBuilder(IDistributedApplicationTestingBuilder builder, string networkDirectory)
    {
        _builder = builder;
        NetworkDirectory = networkDirectory;
    }

    /// <summary>Where the network material was generated.</summary>
    public string NetworkDirectory { get; }

    public IResourceCollection Resources => _builder.Resources;

    /// <summary>Runs the AppHost's Program with <paramref name="args"/> plus a fresh <c>--network-dir</c>.</summary>
    public static async Task<AppModelBuilder> CreateAsync(string[] args, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("ceiba-apphost-model-").FullName;
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Ceiba_AppHost>(
                [.. args, "--network-dir", directory], cancellationToken);
            return new AppModelBuilder(builder, directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>The resource named <paramref name="name"/>, as type <typeparamref name="T"/>.</summary>
    public T Resource<T>(string name) where T : IResource =>
        Assert.IsType<T>(Resources.Single(r => r.Name == name), exactMatch: false);

    /// <summary>The names of the resources <paramref name="resource"/> waits for, with how it waits.</summary>
    public static IReadOnlyList<(string Name, WaitType Type)> WaitsOf(IResource resource) =>
        [.. resource.Annotations.OfType<WaitAnnotation>().Select(w => (w.Resource.Name, w.WaitType)).OrderBy(w => w.Name, StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        await _builder.DisposeAsync();
        Directory.Delete(NetworkDirectory, recursive: true);
    }
}
