using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

public class HelpAndVersionTests
{
    [Fact]
    public void Version_PrintsProgramVersion()
    {
        var r = CliRun.Invoke("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("circuitneuro 0.1.0", r.Out);
    }

    [Fact]
    public void RootHelp_ListsVerbs()
    {
        var r = CliRun.Invoke("--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var verb in new[] { "simulate", "compare", "bench" })
            Assert.Contains(verb, r.Out);
        Assert.Contains("Exit codes", r.Out);
    }

    [Theory]
    [InlineData("simulate", "--engine")]
    [InlineData("compare", "--tolerance-op")]
    [InlineData("bench crossbar", "--ngspice-max")]
    public void VerbHelp_ListsOptions(string verb, string option)
    {
        var r = CliRun.Invoke([.. verb.Split(' '), "--help"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(option, r.Out);
    }

    [Fact]
    public void NoVerb_ShowsHelp()
    {
        var r = CliRun.Invoke();
        Assert.Contains("simulate", r.Out + r.Err);
    }

    [Fact]
    public void UnknownVerb_ExitCode2()
    {
        var r = CliRun.Invoke("simulat", "x.cir");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--help", r.Err);
    }
}
