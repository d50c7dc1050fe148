namespace CircuitNeuro.Learning.EqSpike;

/// <summary>How A-EqSpike neurons place their programming pulses (seed 002 §4.4 [S L2118–2210], Tables 4.2–4.3).</summary>
public enum AEqSpikeMode
{
    /// <summary>Synchronised slots: no self-write, no overlapping programming pulses; the device sees ±V_th + partner tail.</summary>
    Synch,
    /// <summary>Each neuron's signal clipped to |s| ≤ V_th; programming pulses of neurons spiking in the same step always superpose.</summary>
    Desynch,
    /// <summary>As desynch, but same-step programming pulses superpose only with probability p_collision = dt/τ_imp.</summary>
    DesynchCollision,
    /// <summary>As desynch, but each spike emits its programming pulse with probability p (learning rate × 1/p).</summary>
    DesynchProba,
}

/// <summary>
/// Device voltages (V_th units) over the two halves (+V_th then −V_th) of a programming pulse in the desynchronised
/// A-EqSpike variants. A neuron emits s = clip(prog + own tails, ±V_th) (desynch: "limiter la valeur du signal … sous la
/// valeur V_th" [S L2118]), so alone it never writes; the device sees the sum of the two neurons' signals (two
/// simultaneous programming pulses give 2V_th + ε [S L2134]). The self-tail still shifts the clipped programming half
/// (the noisy ρ-dependence of Fig. 4.6). In a collision of a linear device inside its window the net write is
/// a_n + a_m, as two separate synch writes, but in two large ±V_th halves: a bound or a non-linearity makes it differ [D].
/// </summary>
public static class DesynchPulses
{
    private static double Clip(double v) => Math.Clamp(v, -1, 1);

    /// <summary>Neuron n programs alone: its clipped pulse plus the partner's clipped tails.</summary>
    public static (double Plus, double Minus) Alone(double tailN, double tailM) =>
        (Clip(1 + tailN) + Clip(tailM), Clip(-1 + tailN) + Clip(tailM));

    /// <summary>Both neurons program in the same instant: the two clipped pulses superpose.</summary>
    public static (double Plus, double Minus) Collision(double tailN, double tailM) =>
        (Clip(1 + tailN) + Clip(1 + tailM), Clip(-1 + tailN) + Clip(-1 + tailM));
}
