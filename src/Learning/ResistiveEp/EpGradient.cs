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

    /// <summary>
    /// Factor that turns the drop-based estimate of a weight in <paramref name="layer"/> into ∂L/∂g when
    /// the amplifiers' backward current gain B differs from their voltage gain A: (A/B)^m, m = amplifiers
    /// downstream. Why: scaling each downstream layer's voltages by 1/A and its equations by B makes the
    /// network reciprocal again (an energy-based model), but with the downstream co-content weighted
    /// by B/A per stage. B = A (transformer) needs no factor; Kendall's B = 1/A needs A² per stage,
    /// a per-layer learning rate. Verified against finite differences in the tests.
    /// </summary>
    public static double LayerFactor(ResistiveEpSpec spec, int layer) =>
        Math.Pow(spec.AmplifierGain / spec.Backward, spec.WeightLayers - 1 - layer);

    /// <summary>Applies <see cref="LayerFactor"/> to a drop-based estimate, in place.</summary>
    public static double[] CorrectForBackwardGain(double[] gradient, ResistiveEpCircuit layout)
    {
        for (int k = 0; k < gradient.Length; k++) gradient[k] *= LayerFactor(layout.Spec, layout.WeightLayer[k]);
        return gradient;
    }

    /// <summary>EP gradient of one sample by solving the phases directly (no events), corrected for the backward gain.</summary>
    public static double[] Estimate(ResistiveEpNetwork net, double[] x, double[] y, double beta, bool centered, bool selfConsistent = false)
    {
        var free = net.SolveFree(x);
        var freeDrops = net.Drops();
        net.SolveNudged(beta, y, free, selfConsistent);
        var plus = net.Drops();
        if (!centered) return CorrectForBackwardGain(OneSided(freeDrops, plus, beta), net.Layout);
        net.SolveNudged(-beta, y, free, selfConsistent);
        return CorrectForBackwardGain(Centered(plus, net.Drops(), beta), net.Layout);
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
