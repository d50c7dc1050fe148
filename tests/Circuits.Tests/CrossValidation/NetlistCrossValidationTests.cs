using CircuitNeuro.Circuits.Verification;
using Xunit.Abstractions;

namespace CircuitNeuro.Circuits.Tests.CrossValidation;

/// <summary>
/// Every netlist in netlists/ on our engine against ngspice 39 (batch mode, so the runs may go
/// in parallel): operating points and DC sweeps to 1e-9 relative, transients to 1e-3 of each
/// signal's range (both simulators control their own time steps; the tolerance is the
/// accuracy both reach with reltol = 1e-6).
/// </summary>
public class NetlistCrossValidationTests(ITestOutputHelper output)
{
    public const double StaticTolerance = 1e-9;
    public const double TransientTolerance = 1e-3;

    public static TheoryData<string> Netlists()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepositoryPaths.Netlists, "*.cir").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Netlists))]
    public void Engine_matches_ngspice(string netlist)
    {
        var comparisons = NgspiceCrossCheck.Run(Path.Combine(RepositoryPaths.Netlists, netlist));
        Assert.NotEmpty(comparisons);
        foreach (var c in comparisons)
        {
            output.WriteLine(c.ToString());
            double tol = c.Kind == "tran" ? TransientTolerance : StaticTolerance;
            Assert.True(c.Passed(tol), $"{c} exceeds {tol:E0}");
        }
    }
}
