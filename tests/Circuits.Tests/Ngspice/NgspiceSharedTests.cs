using CircuitNeuro.Circuits.Ngspice;
using static CircuitNeuro.Circuits.Tests.Ngspice.NgspiceTestSupport;

namespace CircuitNeuro.Circuits.Tests.Ngspice;

[Collection(NgspiceSharedCollection.Name)]
public sealed class NgspiceSharedTests
{
    [Fact]
    public void Repeated_runs_do_not_accumulate_plots()
    {
        RequireShared();
        var ng = NgspiceShared.Instance;
        for (int i = 0; i < 5; i++)
        {
            var r = ng.RunFile(NetlistPath("divider.cir"));
            Assert.Single(r.Plots);
            Assert.Equal("op1", r.PlotName);
            Assert.Equal("shared", r.Backend);
            Assert.Equal(3, r.Vectors.Count());
        }
    }

    [Fact]
    public void Multiple_analyses_give_plots_in_execution_order()
    {
        RequireShared();
        var r = NgspiceShared.Instance.RunFile(NetlistPath("nmos_cs.cir"));
        // ngspice runs .dc before .op whatever the card order; the last plot is returned.
        Assert.Equal(new[] { "dc1", "op1" }, r.Plots.Select(p => p.PlotName));
        Assert.Equal("op", r.AnalysisKind);
        var dc = r.Plot("dc");
        Assert.Equal(301, dc.PointCount);
        Assert.Equal("v-sweep", dc.Scale!.Name);
        Assert.Equal(0.0, dc.Sweep[0]);
        Close(3.0, dc.Sweep[^1], 1e-12, what: "last sweep value");
        Assert.Equal("nmos level-1 common-source stage", r.CircuitTitle);
    }

    [Fact]
    public void Timing_measures_the_run_command()
    {
        RequireShared();
        var r = NgspiceShared.Instance.RunFile(NetlistPath("rc_sin.cir"));
        Assert.True(r.Timing > TimeSpan.Zero);
        Assert.True(r.Timing < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Fatal_netlist_error_is_reported_and_library_recovers()
    {
        RequireShared();
        var ng = NgspiceShared.Instance;
        string bad = "bad parameter\n.param g = {2*undefinedthing}\nV1 a 0 {g}\nR1 a 0 1k\n.op\n.end\n";
        var ex = Assert.Throws<NgspiceException>(() => ng.RunNetlist(bad));
        Assert.Contains("Undefined parameter", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(ex.OutputLines);

        // ngspice asked to be detached (ControlledExit); the wrapper reloads the library.
        var ok = ng.RunFile(NetlistPath("divider.cir"));
        Close(20.0 / 3, ok.Value("out"), 1e-14, what: "V(out) after recovery");
    }

    [Fact]
    public void Simulation_failure_is_reported_with_ngspice_lines()
    {
        RequireShared();
        // Reltol 1e-12 in a transient with a switching diode: "timestep too small".
        string text = NgspicePrecision.WithTightOp(ReadNetlist("halfwave_rectifier.cir"));
        var ex = Assert.Throws<NgspiceException>(() => NgspiceShared.Instance.RunNetlist(text));
        Assert.Contains("Timestep too small", ex.Message, StringComparison.OrdinalIgnoreCase);
        Close(20.0 / 3, NgspiceShared.Instance.RunFile(NetlistPath("divider.cir")).Value("out"), 1e-14, what: "next run");
    }

    [Fact]
    public void Netlist_without_analysis_fails()
    {
        RequireShared();
        var ex = Assert.Throws<NgspiceException>(() => NgspiceShared.Instance.RunNetlist("no analysis\nV1 a 0 1\nR1 a 0 1k\n.end\n"));
        Assert.Contains("no plot", ex.Message);
    }

    [Fact]
    public void Concurrent_callers_are_serialised()
    {
        RequireShared();
        var files = new[] { "divider.cir", "current_source.cir", "vccs.cir", "diode_op.cir" };
        var results = new NgspiceResult[files.Length * 2];
        Parallel.For(0, results.Length, i => results[i] = NgspiceShared.Instance.RunFile(NetlistPath(files[i % files.Length])));
        Close(20.0 / 3, results[0].Value("out"), 1e-14, what: "divider");
        Close(1.5, results[1].Value("n1"), 1e-14, what: "current source");
        Close(-15, results[2].Value("out"), 1e-14, what: "vccs");
        Assert.All(results, r => Assert.Single(r.Plots));
    }
}
