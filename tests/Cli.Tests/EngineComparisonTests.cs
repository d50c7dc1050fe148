using CircuitNeuro.Cli.Verification;
using CircuitNeuro.Circuits.Results;

namespace CircuitNeuro.Cli.Tests;

public class EngineComparisonTests
{
    private static VectorTable Table(string scale, double[] x, params (string Name, double[] Values)[] vectors)
    {
        var t = new VectorTable(scale, vectors.Select(v => v.Name));
        for (int p = 0; p < x.Length; p++) t.AddRow(x[p], vectors.Select(v => v.Values[p]).ToArray());
        return t;
    }

    [Fact]
    public void Pointwise_RelativeDeviation_DecidesTheVerdict()
    {
        var ours = Table("index", [0], ("v(a)", [1.0]), ("i(v1)", [-1e-3]));
        var same = Table("index", [0], ("v(a)", [1.0]), ("i(v1)", [-1e-3]));
        var off = Table("index", [0], ("v(a)", [1.0 + 2e-9]), ("i(v1)", [-1e-3]));

        Assert.True(EngineComparison.ComparePointwise("op", ours, same, 1e-9).Passed);
        var c = EngineComparison.ComparePointwise("op", ours, off, 1e-9);
        Assert.False(c.Passed);
        Assert.Equal(2e-9, c.MaxDeviation, 1e-12);
        Assert.Equal("v(a)", c.Signals.MaxBy(s => s.Deviation)!.Vector);
    }

    [Fact]
    public void Pointwise_FloorKeepsZeroValuesFromExploding()
    {
        // 1e-16 V on a node that is 0 V in exact arithmetic: relative to the 1 µV floor that is 1e-10.
        var ours = Table("index", [0], ("v(a)", [0.0]));
        var reference = Table("index", [0], ("v(a)", [1e-16]));
        var c = EngineComparison.ComparePointwise("op", ours, reference, 1e-9);
        Assert.True(c.Passed);
        Assert.Equal(1e-10, c.MaxDeviation, 1e-15);
    }

    [Fact]
    public void Pointwise_DifferentSweeps_CannotPass()
    {
        var ours = Table("v1", [0, 1], ("v(a)", [0.0, 1.0]));
        var reference = Table("v1", [0, 1, 2], ("v(a)", [0.0, 1.0, 2.0]));
        var c = EngineComparison.ComparePointwise("dc", ours, reference, 1e-9);
        Assert.False(c.Passed);
        Assert.Contains("point counts", c.Problem);
    }

    [Fact]
    public void Pointwise_UnmatchedVectorsAreListed_AndNoCommonVectorFails()
    {
        var ours = Table("index", [0], ("v(d1#anode)", [1.0]));
        var reference = Table("index", [0], ("v(d1#internal)", [1.0]));
        var c = EngineComparison.ComparePointwise("op", ours, reference, 1e-9);
        Assert.Equal(["v(d1#anode)"], c.OnlyOurs);
        Assert.Equal(["v(d1#internal)"], c.OnlyReference);
        Assert.False(c.Passed);
    }

    [Fact]
    public void Transient_InterpolatesReference_AndScalesByRange()
    {
        // A ramp sampled on two different grids agrees exactly under linear interpolation.
        double[] fine = Enumerable.Range(0, 101).Select(k => k * 1e-5).ToArray();
        double[] coarse = Enumerable.Range(0, 11).Select(k => k * 1e-4).ToArray();
        var ours = Table("time", fine, ("v(out)", fine.Select(t => 3 + 2e4 * t).ToArray()));
        var reference = Table("time", coarse, ("v(out)", coarse.Select(t => 3 + 2e4 * t).ToArray()));
        Assert.True(EngineComparison.CompareTransient(ours, reference, 1e-12).Passed);

        // 1 mV off on a 20 V swing (not on 3…23 V absolute values) is 5e-5.
        var shifted = Table("time", coarse, ("v(out)", coarse.Select(t => 3.001 + 2e4 * t).ToArray()));
        var c = EngineComparison.CompareTransient(ours, shifted, 1e-3);
        Assert.Equal(5e-5, c.MaxDeviation, 1e-9);
        Assert.False(EngineComparison.CompareTransient(ours, shifted, 1e-5).Passed);
    }

    [Fact]
    public void Transient_DifferentWindows_CannotPass()
    {
        var ours = Table("time", [0, 1e-3, 2e-3], ("v(a)", [0.0, 1, 2]));
        var reference = Table("time", [0, 1e-3], ("v(a)", [0.0, 1]));
        Assert.Contains("time windows", EngineComparison.CompareTransient(ours, reference, 1).Problem);
    }
}
