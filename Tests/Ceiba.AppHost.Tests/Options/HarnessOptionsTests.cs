using Ceiba.AppHost.Hosting;
using Microsoft.Extensions.Configuration;

namespace Ceiba.AppHost.Tests.Options;

/// <summary>The AppHost's options, from the command line or from configuration.</summary>
public sealed class HarnessOptionsTests
{
    private const string Root = "/repo";

    [Fact]
    public void No_options_mean_cuba_3_embedded_with_the_default_workload_in_out()
    {
        // Arrange
        var configuration = Configuration();

        // Act
        var options = HarnessOptions.From(configuration, Root);

        // Assert
        Assert.Equal("cuba-3", options.Topology);
        Assert.Equal(FabricRuntime.Embedded, options.Runtime);
        Assert.Equal(HarnessOptions.DefaultScenario, options.Scenario);
        Assert.False(options.ExitOnCompletion);
        Assert.Equal(Path.GetFullPath("/repo/out/cuba-3"), options.NetworkDirectory);
        Assert.Equal(Path.GetFullPath("/repo/out/reports"), options.ReportsDirectory);
        Assert.Equal(HarnessOptions.DefaultTraceSampleRatio, options.TraceSampleRatio);
        Assert.False(options.FreshLedger);
    }

    [Theory]
    [InlineData(new[] { "--fresh-ledger" }, true)]
    [InlineData(new[] { "--fresh-ledger", "false" }, false)]
    [InlineData(new[] { "--fresh-ledger=true", "--scenario", "smoke" }, true)]
    public void The_fresh_ledger_switch_works_bare_or_with_a_value(string[] args, bool expected)
    {
        // Arrange
        var configuration = Configuration(HarnessArguments.Normalize(args));

        // Act
        var options = HarnessOptions.From(configuration, Root);

        // Assert
        Assert.Equal(expected, options.FreshLedger);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("1", 1.0)]
    [InlineData("0.05", 0.05)]
    public void The_trace_sample_ratio_is_read_invariantly(string value, double expected)
    {
        // Arrange
        var configuration = Configuration(HarnessArguments.Normalize(["--trace-sample-ratio", value]));

        // Act
        var options = HarnessOptions.From(configuration, Root);

        // Assert
        Assert.Equal(expected, options.TraceSampleRatio);
    }

    [Fact]
    public void Command_line_options_and_the_bare_exit_switch_become_configuration()
    {
        // Arrange
        string[] args = ["--topology", "seed", "--exit-on-completion", "--runtime=fabric", "--scenario", "smoke", "--other", "x"];

        // Act
        var normalized = HarnessArguments.Normalize(args);
        var options = HarnessOptions.From(Configuration(normalized), Root);

        // Assert
        Assert.Equal(["--Ceiba:AppHost:Topology=seed", "--Ceiba:AppHost:ExitOnCompletion=true", "--Ceiba:AppHost:Runtime=fabric", "--Ceiba:AppHost:Scenario=smoke", "--other", "x"], normalized);
        Assert.Equal("seed", options.Topology);
        Assert.Equal(FabricRuntime.Fabric, options.Runtime);
        Assert.True(options.ExitOnCompletion);
    }

    [Fact]
    public void Configuration_keys_work_as_well_as_options()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ceiba:AppHost:Topology"] = "cuba-national",
            ["Ceiba:AppHost:Scenario"] = "none",
            ["Ceiba:AppHost:NetworkDirectory"] = "nets/national",
        }).Build();

        // Act
        var options = HarnessOptions.From(configuration, Root);

        // Assert
        Assert.Equal("cuba-national", options.Topology);
        Assert.False(options.RunsWorkload);
        Assert.Equal(Path.GetFullPath("/repo/nets/national"), options.NetworkDirectory);
    }

    [Theory]
    [InlineData(new[] { "--topology", "cuba-99" }, "--topology: \"cuba-99\" is neither a shipped topology (seed, cuba-3, cuba-national) nor an existing topology file.")]
    [InlineData(new[] { "--runtime", "docker" }, "--runtime: \"docker\" is not a runtime; expected embedded or fabric.")]
    [InlineData(new[] { "--runtime", "1" }, "--runtime: \"1\" is not a runtime; expected embedded or fabric.")]
    [InlineData(new[] { "--exit-on-completion=maybe" }, "--exit-on-completion: \"maybe\" is not true or false.")]
    [InlineData(new[] { "--fresh-ledger=often" }, "--fresh-ledger: \"often\" is not true or false.")]
    [InlineData(new[] { "--scenario", "none", "--exit-on-completion" }, "--exit-on-completion: needs a workload to wait for, but --scenario is none.")]
    [InlineData(new[] { "--trace-sample-ratio", "1.5" }, "--trace-sample-ratio: \"1.5\" is not a ratio; expected a number from 0 (no traces) to 1 (every transaction), e.g. 0.01.")]
    [InlineData(new[] { "--trace-sample-ratio", "-0.1" }, "--trace-sample-ratio: \"-0.1\" is not a ratio; expected a number from 0 (no traces) to 1 (every transaction), e.g. 0.01.")]
    [InlineData(new[] { "--trace-sample-ratio=all" }, "--trace-sample-ratio: \"all\" is not a ratio; expected a number from 0 (no traces) to 1 (every transaction), e.g. 0.01.")]
    [InlineData(new[] { "--trace-sample-ratio", "NaN" }, "--trace-sample-ratio: \"NaN\" is not a ratio; expected a number from 0 (no traces) to 1 (every transaction), e.g. 0.01.")]
    public void Bad_values_are_named_with_what_was_expected(string[] args, string message)
    {
        // Arrange
        var configuration = Configuration(HarnessArguments.Normalize(args));

        // Act
        var error = Assert.Throws<HarnessOptionsException>(() => HarnessOptions.From(configuration, Root));

        // Assert
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_option_without_its_value_is_named()
    {
        // Arrange
        string[] args = ["--scenario", "smoke", "--topology"];

        // Act
        var error = Assert.Throws<HarnessOptionsException>(() => HarnessArguments.Normalize(args));

        // Assert
        Assert.Equal("--topology: missing value; expected seed, cuba-3, cuba-national or the path of a topology file.", error.Message);
    }

    private static IConfiguration Configuration(params string[] args) => new ConfigurationBuilder().AddCommandLine(args).Build();
}
