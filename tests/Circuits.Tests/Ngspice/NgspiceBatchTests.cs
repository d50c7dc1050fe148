using CircuitNeuro.Circuits.Ngspice;
using static CircuitNeuro.Circuits.Tests.Ngspice.NgspiceTestSupport;

namespace CircuitNeuro.Circuits.Tests.Ngspice;

public sealed class NgspiceBatchTests
{
    [Fact]
    public void Ascii_and_binary_raw_files_agree()
    {
        RequireBatch();
        var bin = new NgspiceBatch().RunFile(NetlistPath("diode_network.cir"));
        var asc = new NgspiceBatch { AsciiRawFile = true }.RunFile(NetlistPath("diode_network.cir"));
        Assert.Equal(bin.Plots.Select(p => p.PlotName), asc.Plots.Select(p => p.PlotName));
        foreach (var (pb, pa) in bin.Plots.Zip(asc.Plots))
            foreach (var v in pb.Vectors)
            {
                var w = pa.Vector(v.Name);
                Assert.Equal(v.Length, w.Length);
                for (int i = 0; i < v.Length; i++)
                    Close(v[i], w[i], 2e-15, 1e-300, what: $"{pb.PlotName}.{v.Name}[{i}]");
            }
    }

    [Fact]
    public void Raw_file_names_are_normalised()
    {
        RequireBatch();
        var r = new NgspiceBatch().RunFile(NetlistPath("include_models.cir"));
        var dc = r.Plot("dc");
        Assert.Equal("v-sweep", dc.Scale!.Name);
        Assert.Equal("v(v-sweep)", dc.Scale.RawName);
        Assert.Equal(dc.Vector("v(ref)").Real, dc.Voltage("REF"));
        Assert.Same(dc.Vector("i(vdd)"), dc.Vector("vdd#branch"));
        Assert.Equal(dc.Current("VDD"), dc["i(vdd)"]);
        Assert.All(dc.Voltage("0"), x => Assert.Equal(0.0, x));
        Assert.Equal("batch", r.Backend);
    }

    [Fact]
    public void Runs_in_parallel()
    {
        RequireBatch();
        var files = new[] { "divider.cir", "current_source.cir", "vccs.cir", "rc_step.cir", "diode_clipper.cir", "cmos_inverter.cir" };
        var results = new NgspiceResult[files.Length];
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 },
            i => results[i] = new NgspiceBatch().RunFile(NetlistPath(files[i])));
        Close(20.0 / 3, results[0].Value("out"), 1e-14, what: "divider");
        Close(1.5, results[1].Value("n1"), 1e-14, what: "current source");
        Close(-15, results[2].Value("out"), 1e-14, what: "vccs");
        Assert.Equal("tran", results[3].AnalysisKind);
        Assert.Equal(new[] { "dc1", "tran1" }, results[5].Plots.Select(p => p.PlotName));
    }

    [Fact]
    public void Error_lines_reach_the_exception()
    {
        RequireBatch();
        var ex = Assert.Throws<NgspiceException>(() =>
            new NgspiceBatch().RunNetlist("unknown model\nV1 a 0 1\nD1 a 0 NOSUCHMODEL\n.op\n.end\n"));
        Assert.Contains("nosuchmodel", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Timeout_kills_ngspice()
    {
        RequireBatch();
        // A long transient with a tiny maximum step; 1 ms is far too short for it.
        string text = "slow\nV1 a 0 SIN(0 1 1k)\nR1 a b 1k\nC1 b 0 1u\n.tran 1n 1 0 1n\n.end\n";
        Assert.Throws<TimeoutException>(() => new NgspiceBatch { Timeout = TimeSpan.FromMilliseconds(300) }.RunNetlist(text));
    }
}
