using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

[Collection(NgspiceCollection.Name)]
public class CompareCommandTests
{
    [Theory]
    [InlineData("divider.cir", 1)]
    [InlineData("diode_network.cir", 2)]
    [InlineData("cmos_inverter.cir", 2)]
    [InlineData("rc_step.cir", 1)]
    public void ReferenceNetlists_AgreeWithNgspice(string netlist, int analyses)
    {
        var r = CliRun.Invoke("compare", RepoPaths.Netlist(netlist));

        Assert.True(r.ExitCode == 0, $"exit code {r.ExitCode}\n{r.Out}\n{r.Err}");
        Assert.Contains($"PASS: {analyses} of {analyses} analyses within tolerance", r.Out);
        Assert.DoesNotContain("FAIL", r.Out);
    }

    [Fact]
    public void Divider_TableListsEveryVector()
    {
        var r = CliRun.Invoke("compare", RepoPaths.Netlist("divider.cir"));

        foreach (var vector in new[] { "v(in)", "v(out)", "i(v1)" })
            Assert.Contains(vector, r.Out);
        Assert.Contains("1 points, 3 vectors", r.Out);
    }

    /// <summary>The same run with an impossible tolerance must fail with exit code 1: the verdict really depends on the deviations.</summary>
    [Fact]
    public void ImpossibleTolerance_ExitCode1()
    {
        var r = CliRun.Invoke("compare", RepoPaths.Netlist("diode_network.cir"), "--tolerance-op", "1e-30");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("FAIL", r.Out);
    }

    [Fact]
    public void MalformedNetlist_ExitCode2()
    {
        using var dir = new TempDirectory();
        string netlist = dir.File("bad.cir");
        File.WriteAllText(netlist, "bad\nV1 a 0 DC 1\nD1 a 0 NOSUCHMODEL\n.op\n.end\n");

        var r = CliRun.Invoke("compare", netlist);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.cir:3", r.Err);
    }
}
