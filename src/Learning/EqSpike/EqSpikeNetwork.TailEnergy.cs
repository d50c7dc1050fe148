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

    /// <summary>Continues the running tail-energy sum of a checkpointed run (its rounding depends on the total so far).</summary>
    internal void RestoreTailEnergy(double joules) => TailEnergy = joules;

    /// <summary>Physical length of one step dt, s (0: tail energy not counted).</summary>
    public double StepSeconds { get; set; }

    /// <summary>Energy of one device over one step with tails a, b (V): the closed form the network sums.</summary>
    public static double TailStepEnergy(double conductance, double a, double b, bool synch, double seconds) =>
        conductance * seconds * (synch ? 0.5 * (a * a + b * b) : (a + b) * (a + b));

    private double[] _tailLine = [];   // per neuron (global id): its tail voltage this step (synch: its square)
    private int[] _tailInputs = [];    // inputs with a non-zero tail this step

    private void AccumulateTailEnergy()
    {
        if (StepSeconds <= 0 || !_nudging || !_learning || _writer is not MemristiveSynapseWriter w || _estimators[0] is not TailAccumulator) return;
        if (_volleys) AccumulateTailEnergyByLines(w, _desynch is null);
        else AccumulatePerDeviceTailEnergy(w, _desynch is null);
    }

    /// <summary>
    /// The volley path: Σ TailStepEnergy over the devices in the order h (inputs, bias, outputs of h), then the outputs'
    /// bias, with each neuron's line value (synch: the square a² of its tail voltage; desynchronised: the voltage clipped
    /// to V_th) computed once per step; a device whose two tails are 0 adds +0 to a non-negative sum, so it is skipped.
    /// The same scalar running sum as <see cref="AccumulatePerDeviceTailEnergy"/> (the reference path's), bit-identical
    /// to it (VolleyIdentityTests).
    /// </summary>
    private void AccumulateTailEnergyByLines(MemristiveSynapseWriter w, bool synch)
    {
        double vth = w.Options.Device.ThresholdPositive, seconds = StepSeconds, e = 0;
        int s0 = _nIn + 1, s1 = _nHid + 1, inputs = 0;
        if (_tailLine.Length == 0) (_tailLine, _tailInputs) = (new double[_bias + 1], new int[_nIn + 1]);
        var line = _tailLine;
        for (int n = 0; n < _bias; n++)
        {
            double tail = _estimators[Population(n)].Value(n - _populationStart[Population(n)]);
            double v = vth * (synch ? tail : Math.Clamp(tail, -1, 1));
            line[n] = synch ? v * v : v;
            if (n < _nIn && line[n] != 0) _tailInputs[inputs++] = n;
        }
        line[_bias] = 0;   // the bias's tail: 0 (its own column, i = _nIn)
        ReadOnlySpan<double> g0 = w.Conductances(0), g1 = w.Conductances(1);
        for (int h = 0; h < _nHid; h++)
        {
            double a = line[_nIn + h];
            var row = g0.Slice(h * s0, s0);
            if (a == 0)
                foreach (int i in _tailInputs.AsSpan(0, inputs)) e += row[i] * seconds * Term(a, line[i], synch);
            else
            {
                for (int i = 0; i < _nIn; i++) e += row[i] * seconds * Term(a, line[i], synch);
                e += row[_nIn] * seconds * Term(a, 0.0, synch);
            }
            for (int o = 0; o < _nOut; o++)
            {
                double b = line[_nIn + _nHid + o];
                if (a != 0 || b != 0) e += g1[o * s1 + h] * seconds * Term(a, b, synch);
            }
        }
        for (int o = 0; o < _nOut; o++)
        {
            double a = line[_nIn + _nHid + o];
            if (a != 0) e += g1[o * s1 + _nHid] * seconds * Term(a, 0.0, synch);
        }
        TailEnergy += e;

        // TailStepEnergy's bracket from line values: synch 0.5·(a² + b²) (the squares given), else (a + b)².
        static double Term(double a, double b, bool synch) => synch ? 0.5 * (a + b) : (a + b) * (a + b);
    }

    /// <summary>The reference form: <see cref="TailStepEnergy"/> per device (both conventions).</summary>
    private void AccumulatePerDeviceTailEnergy(MemristiveSynapseWriter w, bool synch)
    {
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
