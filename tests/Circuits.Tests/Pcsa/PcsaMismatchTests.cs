using CircuitNeuro.Circuits.Builders.Pcsa;
using CircuitNeuro.EventKernel.Random;
using static CircuitNeuro.Circuits.Tests.Pcsa.PcsaTestModels;

namespace CircuitNeuro.Circuits.Tests.Pcsa;

public class PcsaMismatchTests
{
    [Fact]
    public void Pelgrom_sigma_scales_as_one_over_root_area_and_is_reproducible()
    {
        var m = new PcsaMismatch();
        var d = Design();
        var random = new RandomStream(7, "mc");
        var latch = new List<double>();
        var discharge = new List<double>();
        for (int k = 0; k < 4000; k++)
        {
            var s = m.Sample(d, random);
            latch.Add(s["MNA"]);
            discharge.Add(s["MND"]);
        }
        static double Std(List<double> x) => Math.Sqrt(x.Select(v => v * v).Average() - Math.Pow(x.Average(), 2));
        // σ = A_VT/√(WL): 10 mV·µm / √(2 µm × 0.5 µm) = 10 mV; MND (4 × 0.5 µm²) 10/√2 mV. 4000 draws: σ to ~2.2 % (1σ).
        Assert.Equal(10e-3, Std(latch), 0.08 * 10e-3);
        Assert.Equal(10e-3 / Math.Sqrt(2), Std(discharge), 0.08 * 10e-3 / Math.Sqrt(2));
        Assert.Equal(m.Sample(d, new RandomStream(3, "x")), m.Sample(d, new RandomStream(3, "x")));
    }

    [Fact]
    public void A_threshold_shift_on_one_latch_transistor_breaks_the_equal_resistance_tie()
    {
        // Equal resistances resolve by mismatch only: a lower V_T on MNA (branch BL) pulls Qb down first ⇒ +1, on MNB ⇒ −1.
        var d = Design(20e3, 20e3);
        var plus = Read(d with { ThresholdShifts = new Dictionary<string, double> { ["MNA"] = -0.03 } });
        var minus = Read(d with { ThresholdShifts = new Dictionary<string, double> { ["MNB"] = -0.03 } });
        Assert.Equal(1, plus.Weight);
        Assert.Equal(-1, minus.Weight);
    }
}

public class PcsaOperatingPointTests
{
    [Fact]
    public void Monte_Carlo_read_whose_operating_point_defeats_Newton_still_reads()
    {
        // Seed 1, sample 6 of `pcsa corners`, typical corner: Newton fails from zeros and from the precharged guess (bit lines
        // floating on femtoampere sub-threshold currents); the pseudo-transient fallback finds the operating point.
        var m = new PcsaMismatch { Avt = 10e-9, GlobalSigma = 15e-3 };
        var d = Design(9999.999999999998, 4641.588833612777) with { ThresholdShifts = m.Sample(Design(), new RandomStreams(1).Get("pcsa/mc/6")) };
        var r = Read(d);
        Assert.Equal(-1, r.Weight);
        Assert.InRange(r.ResolutionTime, 5e-9, 50e-9);
    }
}
