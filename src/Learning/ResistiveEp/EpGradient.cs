namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// The EP estimate of ∂L/∂g from voltage drops (Kendall et al. 2020, Theorem 1; notes seed-003 §4):
/// the co-content of a conductance is ½gΔV², so ∂F/∂g = ½ΔV² and
/// one-sided ∂L/∂g ≈ [(ΔV^β)² − (ΔV^0)²]/(2β) (error O(β)),
/// centered ∂L/∂g ≈ [(ΔV^{+β})² − (ΔV^{−β})²]/(4β) (error O(β²)).
/// </summary>
public static class EpGradient
{
    public static double[] OneSided(ReadOnlySpan<double> freeDrops, ReadOnlySpan<double> nudgedDrops, double beta)
    {
        var g = new double[freeDrops.Length];
        for (int k = 0; k < g.Length; k++)
            g[k] = (nudgedDrops[k] * nudgedDrops[k] - freeDrops[k] * freeDrops[k]) / (2 * beta);
        return g;
    }

    public static double[] Centered(ReadOnlySpan<double> plusDrops, ReadOnlySpan<double> minusDrops, double beta)
    {
        var g = new double[plusDrops.Length];
        for (int k = 0; k < g.Length; k++)
            g[k] = (plusDrops[k] * plusDrops[k] - minusDrops[k] * minusDrops[k]) / (4 * beta);
        return g;
    }

    /// <summary>EP gradient of one sample by solving the phases directly (no events).</summary>
    public static double[] Estimate(ResistiveEpNetwork net, double[] x, double[] y, double beta, bool centered, bool selfConsistent = false)
    {
        var free = net.SolveFree(x);
        var freeDrops = net.Drops();
        net.SolveNudged(beta, y, free, selfConsistent);
        var plus = net.Drops();
        if (!centered) return OneSided(freeDrops, plus, beta);
        net.SolveNudged(-beta, y, free, selfConsistent);
        return Centered(plus, net.Drops(), beta);
    }

    /// <summary>
    /// Reference gradient: central finite difference of the free-equilibrium loss, perturbing each
    /// conductance by ±<paramref name="relativeStep"/>·g and re-solving the free phase.
    /// </summary>
    public static double[] FiniteDifference(ResistiveEpNetwork net, double[] x, double[] y, double relativeStep = 1e-5)
    {
        var weights = net.Layout.Weights;
        var grad = new double[weights.Count];
        for (int k = 0; k < weights.Count; k++)
        {
            double g = weights[k].Conductance, h = relativeStep * g;
            weights[k].Conductance = g + h;
            double up = net.FreeLoss(x, y);
            weights[k].Conductance = g - h;
            double down = net.FreeLoss(x, y);
            weights[k].Conductance = g;
            grad[k] = (up - down) / (2 * h);
        }
        return grad;
    }
}
