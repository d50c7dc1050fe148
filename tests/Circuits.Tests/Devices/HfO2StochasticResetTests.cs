using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;
using MathNet.Numerics.Statistics;

namespace CircuitNeuro.Circuits.Tests.Devices;

/// <summary>
/// Cycle-to-cycle RESET randomness: ln R_HRS ~ 𝒩(ln R_det, σ²) with R_det the closed-form log-time RESET, checked by
/// sample moments (mean within 4σ/√n, variance within 4σ²√(2/(n−1))); the compliance SET draws nothing (tight LRS, S L1522).
/// </summary>
public class HfO2StochasticResetTests
{
    private const int N = 4000;

    [Fact]
    public void Repeated_cycles_give_a_lognormal_hrs_around_the_deterministic_reset_and_an_exact_lrs()
    {
        var p = new HfO2FilamentParameters { ResetSigmaLn = 0.5 };
        var cell = new StochasticResetCell(p, 3e3, new RandomStreams(11).Get("cell"));
        var lnHrs = new double[N];
        for (int i = 0; i < N; i++)
        {
            cell.Set(new RectangularPulse(2.0, 1e-6), 200e-6);
            Assert.Equal(3e3, cell.Resistance, 0.3); // V_set/I_cc every cycle (1e-4 relative: the cell integrates at rtol 1e-7)
            cell.Reset(new RectangularPulse(-2.5, 1e-6));
            lnHrs[i] = Math.Log(cell.Resistance);
        }
        double c = p.ResetRate * (1 - Math.Exp(-1.5 / 0.15));
        double rDet = p.ResetLogScale * Math.Log(Math.Exp(3e3 / p.ResetLogScale) + c * 1e-6 / p.ResetLogScale);
        Assert.True(Math.Abs(lnHrs.Mean() - Math.Log(rDet)) < 4 * 0.5 / Math.Sqrt(N), $"mean ln R {lnHrs.Mean()} vs {Math.Log(rDet)}");
        Assert.True(Math.Abs(lnHrs.Variance() - 0.25) < 4 * 0.25 * Math.Sqrt(2.0 / (N - 1)), $"variance {lnHrs.Variance()}");
    }

    [Fact]
    public void Same_seed_same_cycles_other_seed_other_cycles()
    {
        double[] Run(ulong seed)
        {
            var cell = new StochasticResetCell(new HfO2FilamentParameters(), 3e3, new RandomStreams(seed).Get("c"));
            return Enumerable.Range(0, 5).Select(_ =>
            {
                cell.Set(new RectangularPulse(2.0, 1e-6), 200e-6);
                cell.Reset(new RectangularPulse(-2.5, 1e-6));
                return cell.Resistance;
            }).ToArray();
        }
        Assert.Equal(Run(3), Run(3));
        Assert.NotEqual(Run(3), Run(4));
    }
}
