using System.Text;
using CircuitNeuro.Circuits.Ngspice;

namespace CircuitNeuro.Circuits.Tests.Ngspice;

/// <summary>Pure helpers: no ngspice needed.</summary>
public sealed class NgspiceHelpersTests
{
    [Theory]
    [InlineData("out", "out")]
    [InlineData("V(OUT)", "out")]
    [InlineData("v(x1.mid)", "x1.mid")]
    [InlineData("i(V1)", "v1#branch")]
    [InlineData("V1#branch", "v1#branch")]
    [InlineData("v(v-sweep)", "v-sweep")]
    [InlineData("time", "time")]
    [InlineData("v(a,b)", "v(a,b)")]
    public void Canonical_names(string raw, string canonical) => Assert.Equal(canonical, NgspiceNames.Canonical(raw));

    [Fact]
    public void Plot_kinds()
    {
        Assert.Equal("tran", NgspiceNames.KindFromPlotTypeName("tran12"));
        Assert.Equal("op", NgspiceNames.KindFromPlotTitle("Operating Point"));
        Assert.Equal("dc", NgspiceNames.KindFromPlotTitle("DC transfer characteristic"));
        Assert.Equal("Transient Analysis", NgspiceNames.TitleFromKind("tran"));
    }

    [Fact]
    public void Keep_only_one_analysis_and_insert_options()
    {
        string text = "title\nV1 a 0 1\n.op\n.dc V1 0 1 0.1\n.tran 1u 1m\n.end\n";
        string dc = NgspiceNetlist.KeepOnlyAnalysis(text, "dc");
        Assert.Equal(new[] { "dc" }, NgspiceNetlist.AnalysisKinds(dc));
        string opt = NgspicePrecision.WithTightOp(dc);
        var lines = NgspiceNetlist.Lines(opt);
        Assert.Equal(".end", lines[^1]);
        Assert.Equal(NgspicePrecision.TightOpOptions, lines[^2]);
        Assert.Equal("title", lines[0]);
        Assert.Equal(".end", NgspiceNetlist.Lines(NgspiceNetlist.EnsureEnd("t\nR1 a 0 1"))[^1]);
    }

    [Fact]
    public void Relative_includes_become_absolute()
    {
        string text = "t\n.include models/level1.lib\n.INC \"/abs/x.lib\"\n.lib 'sub/l.lib' tt\n.end\n";
        var lines = NgspiceNetlist.Lines(NgspiceNetlist.ResolveIncludes(text, "/base/dir"));
        Assert.Equal(".include /base/dir/models/level1.lib", lines[1]);
        Assert.Equal(".INC \"/abs/x.lib\"", lines[2]);
        Assert.Equal(".lib '/base/dir/sub/l.lib' tt", lines[3]);
    }

    [Fact]
    public void Ascii_raw_file_with_two_plots_parses()
    {
        string raw =
            "Title: t\nDate: x\nPlotname: DC transfer characteristic\nFlags: real\nNo. Variables: 2\nNo. Points: 2\nVariables:\n" +
            "\t0\tv(v-sweep)\tvoltage\n\t1\ti(v1)\tcurrent\nValues:\n0\t\t1.0e+00\n\t-1.5e-03\n1\t\t2.0e+00\n\t-3.0e-03\n" +
            "Title: t\nDate: x\nPlotname: Operating Point\nFlags: real\nNo. Variables: 1\nNo. Points: 1\nVariables:\n" +
            "\t0\tv(out)\tvoltage\nValues:\n0\t\t6.666666666666667e+00\n";
        string path = Path.Combine(Path.GetTempPath(), $"cn-raw-{Guid.NewGuid():N}.raw");
        File.WriteAllText(path, raw, Encoding.ASCII);
        try
        {
            var r = NgspiceRawFile.Read(path);
            Assert.Equal(new[] { "dc1", "op1" }, r.Plots.Select(p => p.PlotName));
            Assert.Equal(6.666666666666667, r.Value("out"));
            var dc = r.Plot("dc");
            Assert.Equal(new[] { 1.0, 2.0 }, dc.Sweep);
            Assert.Equal(-2.25e-3, dc.Interpolate("i(v1)", 1.5), 15);
        }
        finally { File.Delete(path); }
    }
}
