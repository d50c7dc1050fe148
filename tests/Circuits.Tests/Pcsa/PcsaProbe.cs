using CircuitNeuro.Circuits.Builders.Pcsa;
using Xunit.Abstractions;

namespace CircuitNeuro.Circuits.Tests.Pcsa;

public class PcsaProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        string ekv = Path.Combine(RepositoryPaths.Netlists, "models", "ekv_thick130.mod");
        string b4 = Path.Combine(RepositoryPaths.Netlists, "models", "bsim4_thick130.mod");
        foreach (var (a, b) in new[] { (5e3, 350e3), (320e3, 350e3), (50e3, 350e3), (100e3, 1e6), (350e3, 5e3) })
        {
            var d = new PcsaDesign { ModelFile = ekv, BitLineResistance = a, BitLineBarResistance = b };
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var r = PcsaSimulator.Run(d, PcsaRun.Delay(d, 1e-6));
            double ms = sw.Elapsed.TotalMilliseconds;
            var n = PcsaSimulator.RunNgspice(d with { ModelFile = b4 }, PcsaRun.Delay(d, 1e-6));
            output.WriteLine($"{a} {b}: ours w={r.Weight} t={r.ResolutionTime * 1e9:F1} ns pts={r.TimePoints} {ms:F0} ms E={r.SupplyEnergy*1e15:F1} fJ | ngspice w={n.Weight} t={n.ResolutionTime * 1e9:F1} ns");
        }
    }
}
