using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// The desynchronised A-EqSpike variants (seed 002 §4.4 [S L2118–2160]): a spiking neuron's programming pulse meets the
/// partner's clipped tails (<see cref="DesynchPulses.Alone"/>), and when both neurons of a synapse program in the same
/// step their pulses superpose (<see cref="DesynchPulses.Collision"/>) — always (desynch, desynch_proba) or with
/// p_collision = dt/τ_imp (desynch_collision; otherwise two separate pulses). desynch_proba emits each programming pulse
/// with probability p. The bias fires on its own clock slot: its tails sum to 0 (constant rate) and it never collides [D].
/// </summary>
public sealed partial class EqSpikeNetwork
{
    private Desynch? _desynch;

    private sealed class Desynch(AEqSpikeMode mode, double pCollision, double pProgram, RandomStream draws, MemristiveSynapseWriter writer, int neurons)
    {
        public AEqSpikeMode Mode { get; } = mode;
        public double PCollision { get; } = pCollision;
        public double PProgram { get; } = pProgram;
        public RandomStream Draws { get; } = draws;
        public MemristiveSynapseWriter Writer { get; } = writer;
        /// <summary>Neurons (global id) emitting a programming pulse in the present step.</summary>
        public bool[] Programs { get; } = new bool[neurons];
        /// <summary>Each neuron's tail in the present step, with the sample's sign of β and η_lr (the bias's: 0).</summary>
        public double[] Tails { get; } = new double[neurons + 1];
        /// <summary>Synapses of each neuron (global id), listed once: <see cref="Synapses"/>.</summary>
        public (int Layer, int K, int Partner)[][] SynapsesOf { get; } = new (int, int, int)[neurons + 1][];
    }

    /// <summary>Switches the A-EqSpike write path to a desynchronised variant (synch: the default path).</summary>
    public void UseDesynch(AEqSpikeMode mode, double collisionProbability, double programProbability, RandomStream draws)
    {
        if (mode == AEqSpikeMode.Synch)
        {
            _desynch = null;
            return;
        }
        if (_writer is not MemristiveSynapseWriter writer) throw new InvalidOperationException("desynchronised A-EqSpike writes memristors: use memristive synapses");
        EqSpikeParameters.Check(collisionProbability is >= 0 and <= 1, "tail.collision_probability", collisionProbability, "in [0, 1]");
        EqSpikeParameters.Check(programProbability is > 0 and <= 1, "tail.program_probability", programProbability, "in (0, 1]");
        var d = new Desynch(mode, collisionProbability, programProbability, draws, writer, _bias);
        for (int n = 0; n <= _bias; n++) d.SynapsesOf[n] = Synapses(n).ToArray();
        _desynch = d;
    }

    /// <summary>
    /// After the neurons of a step moved: which spikes carry a programming pulse (desynch_proba draws here), and every
    /// neuron's signed tail for this step's writes. The joint random sign of β and η_lr [S L1337] inverts the tails' polarity.
    /// </summary>
    private void MarkProgrammingPulses()
    {
        if (_desynch is not { } d || !_nudging || !_learning) return;
        int g = 0;
        foreach (var layer in _spiked)
            foreach (bool s in layer)
                d.Programs[g++] = s && (d.Mode != AEqSpikeMode.DesynchProba || d.Draws.NextDouble() < d.PProgram);
        double sign = Math.Sign(_signedRate);
        for (int n = 0; n <= _bias; n++) d.Tails[n] = sign * TailOf(n);
    }

    private double TailOf(int neuron)
    {
        if (neuron < _nIn) return _estimators[0].Value(neuron);
        if (neuron < _nIn + _nHid) return _estimators[1].Value(neuron - _nIn);
        return neuron < _bias ? _estimators[2].Value(neuron - _nIn - _nHid) : 0;
    }

    /// <summary>Synapses of neuron n as (layer, index, partner's global id); input→hidden included, as in Alg. 2.</summary>
    private IEnumerable<(int Layer, int K, int Partner)> Synapses(int n)
    {
        int s0 = _nIn + 1, s1 = _nHid + 1, outStart = _nIn + _nHid;
        if (n < _nIn)
            for (int h = 0; h < _nHid; h++) yield return (0, h * s0 + n, _nIn + h);
        else if (n < outStart)
        {
            int h = n - _nIn;
            for (int i = 0; i < _nIn; i++) yield return (0, h * s0 + i, i);
            yield return (0, h * s0 + _nIn, _bias);
            for (int o = 0; o < _nOut; o++) yield return (1, o * s1 + h, outStart + o);
        }
        else if (n < _bias)
        {
            int o = n - outStart;
            for (int h = 0; h < _nHid; h++) yield return (1, o * s1 + h, _nIn + h);
            yield return (1, o * s1 + _nHid, _bias);
        }
        else
        {
            for (int h = 0; h < _nHid; h++) yield return (0, h * s0 + _nIn, _nIn + h);
            for (int o = 0; o < _nOut; o++) yield return (1, o * s1 + _nHid, outStart + o);
        }
    }

    private void LearnDesynch(int n, int step)
    {
        var d = _desynch!;
        if (n != _bias && !d.Programs[n]) return;
        double own = d.Tails[n];
        foreach (var (layer, k, m) in d.SynapsesOf[n])
        {
            double partner = d.Tails[m];
            if (m == _bias || n == _bias || !d.Programs[m])
                Pulse(d, layer, k, DesynchPulses.Alone(own, partner), step);
            else if (n < m)   // both program in this step: the pair is handled once, by the lower id
            {
                if (d.Mode != AEqSpikeMode.DesynchCollision || d.Draws.NextDouble() < d.PCollision)
                    Pulse(d, layer, k, DesynchPulses.Collision(own, partner), step);
                else
                {
                    Pulse(d, layer, k, DesynchPulses.Alone(own, partner), step);
                    Pulse(d, layer, k, DesynchPulses.Alone(partner, own), step);
                }
            }
        }
    }

    private void Pulse(Desynch d, int layer, int k, (double Plus, double Minus) v, int step)
    {
        double vth = d.Writer.Options.Device.ThresholdPositive;
        d.Writer.WritePulse(layer, k, v.Plus * vth, v.Minus * vth);
        AfterWrite?.Invoke(layer, k, step);
    }
}
