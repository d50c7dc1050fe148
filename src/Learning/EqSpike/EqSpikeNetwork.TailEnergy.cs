namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// Energy of the A-EqSpike tails (the long low-amplitude part of every pulse, seed 002 §4.2) dissipated in the synapses
/// during the nudge phase: each device (ohmic, its present conductance G) sees its two neurons' superposed tails for one
/// step dt. Synch drives the two values in alternate half-slots (Fig. 4.11 [S L2203]): G·(a² + b²)·dt/2; the
/// desynchronised variants drive both at once, clipped to V_th: G·(a + b)²·dt. Tails in the free phase (no learning
/// there) and the communication pulses are not counted [D].
/// </summary>
public sealed partial class EqSpikeNetwork
{
    /// <summary>Tail energy so far, J (only counted for A-EqSpike with <see cref="StepSeconds"/> &gt; 0).</summary>
    public double TailEnergy { get; private set; }

    /// <summary>Physical length of one step dt, s (0: tail energy not counted).</summary>
    public double StepSeconds { get; set; }

    /// <summary>Energy of one device over one step with tails a, b (V): the closed form the network sums.</summary>
    public static double TailStepEnergy(double conductance, double a, double b, bool synch, double seconds) =>
        conductance * seconds * (synch ? 0.5 * (a * a + b * b) : (a + b) * (a + b));

    private void AccumulateTailEnergy()
    {
        if (StepSeconds <= 0 || !_nudging || !_learning || _writer is not MemristiveSynapseWriter w || _estimators[0] is not TailAccumulator) return;
        bool synch = _desynch is null;
        double vth = w.Options.Device.ThresholdPositive, e = 0;
        int s0 = _nIn + 1, s1 = _nHid + 1;
        for (int h = 0; h < _nHid; h++)
        {
            double a = Line(_estimators[1].Value(h));
            for (int i = 0; i <= _nIn; i++)
                e += TailStepEnergy(w.Conductance(0, h * s0 + i), a, i < _nIn ? Line(_estimators[0].Value(i)) : 0, synch, StepSeconds);
            for (int o = 0; o < _nOut; o++)
                e += TailStepEnergy(w.Conductance(1, o * s1 + h), a, Line(_estimators[2].Value(o)), synch, StepSeconds);
        }
        for (int o = 0; o < _nOut; o++)
            e += TailStepEnergy(w.Conductance(1, o * s1 + _nHid), Line(_estimators[2].Value(o)), 0, synch, StepSeconds);
        TailEnergy += e;

        double Line(double tail) => vth * (synch ? tail : Math.Clamp(tail, -1, 1));
    }
}
