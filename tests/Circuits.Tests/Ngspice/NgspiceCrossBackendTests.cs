using CircuitNeuro.Circuits.Ngspice;
using static CircuitNeuro.Circuits.Tests.Ngspice.NgspiceTestSupport;

namespace CircuitNeuro.Circuits.Tests.Ngspice;

/// <summary>Every netlist in netlists/ runs cleanly on both backends and both give the same numbers.</summary>
[Collection(NgspiceSharedCollection.Name)]
public sealed class NgspiceCrossBackendTests
{
    public static TheoryData<string> Netlists()
    {
        var data = new TheoryData<string>();
        foreach (var f in AllNetlistFiles()) data.Add(f);
        return data;
    }

    [Fact]
    public void There_are_at_least_twenty_netlists()
    {
        Assert.True(AllNetlistFiles().Count() >= 20);
    }

    [Theory, MemberData(nameof(Netlists))]
    public void Backends_agree(string file)
    {
        var shared = RunFile("shared", file);
        var batch = RunFile("batch", file);
        Assert.Equal(batch.Plots.Select(p => p.PlotName), shared.Plots.Select(p => p.PlotName));
        foreach (var (ps, pb) in shared.Plots.Zip(batch.Plots))
        {
            Assert.True(ps.PointCount > 0, $"{file} {ps.PlotName} is empty");
            Assert.Equal(pb.VectorNames.Order(), ps.VectorNames.Order());
            foreach (var v in pb.Vectors)
            {
                var w = ps.Vector(v.Name);
                Assert.Equal(v.Length, w.Length);
                for (int i = 0; i < v.Length; i++)
                    Close(v[i], w[i], 1e-12, 1e-18, what: $"{file} {pb.PlotName}.{v.Name}[{i}]");
            }
        }
    }

    [Theory, MemberData(nameof(Netlists))]
    public void Tight_op_and_dc_converge_without_stepping(string file)
    {
        string text = ReadNetlist(file);
        foreach (var kind in NgspiceNetlist.AnalysisKinds(text).Where(k => k is "op" or "dc"))
        {
            var single = NgspicePrecision.WithTightOp(NgspiceNetlist.KeepOnlyAnalysis(text, kind));
            var s = Run("shared", single);
            var b = Run("batch", single);
            Assert.False(s.UsedHomotopy, $"{file} .{kind} needed gmin/source stepping:\n{string.Join("\n", s.OutputLines)}");
            Assert.Single(s.Plots);
            Assert.Equal(kind, s.AnalysisKind);
            foreach (var v in b.Vectors)
                for (int i = 0; i < v.Length; i++)
                    Close(v[i], s.Vector(v.Name)[i], 1e-12, 1e-18, what: $"{file} {kind} {v.Name}[{i}]");
        }
    }
}
