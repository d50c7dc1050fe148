using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// The output layer stepped at a fixed dt, as the paper's Nengo model is (its hard WTA is defined per step:
/// of the neurons over threshold only the one with the highest potential spikes, the others are set to 0 and
/// held there for the inhibition time). Within a step the LIF update is exact for constant J (Nengo's
/// V ← V + (J − V)(1 − e^{−Δt/τ}) with the refractory remainder), the synapse is Nengo's zero-order-hold low-pass.
/// </summary>
public sealed class WtaOutputLayer : ICheckpointable
{
    private readonly double[] _v, _refractory, _adaptation, _filtered, _drive, _current;
    private readonly int[] _inhibited;

    public WtaOutputLayer(int size, WtaLayerParameters parameters, double dt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        parameters.Validate();
        if (!(dt > 0)) throw new ArgumentOutOfRangeException(nameof(dt), dt, "time step must be > 0");
        Parameters = parameters;
        Dt = dt;
        InhibitionSteps = (int)Math.Round(parameters.InhibitionTime / dt);
        _v = new double[size]; _refractory = new double[size]; _adaptation = new double[size];
        _filtered = new double[size]; _drive = new double[size]; _current = new double[size];
        _inhibited = new int[size];
    }

    public WtaLayerParameters Parameters { get; }
    public double Dt { get; }
    public int InhibitionSteps { get; }
    public int Size => _v.Length;

    public double Potential(int j) => _v[j];
    public double Adaptation(int j) => _adaptation[j];

    /// <summary>Adds one input spike's weighted amplitude to neuron j's synapse input for the current step.</summary>
    public void AddSpike(int j, double weight) => _drive[j] += weight * Parameters.SpikeAmplitude;

    public Span<double> DriveBuffer => _drive;

    /// <summary>Advances one step; returns the index of the neuron that spiked, or −1.</summary>
    public int Step()
    {
        var p = Parameters;
        double dt = Dt;
        double a = Math.Exp(-dt / p.TauSynapse);
        int argmax = 0;
        bool anySpike = false;
        for (int j = 0; j < _v.Length; j++)
        {
            double previous = _filtered[j];
            _filtered[j] = a * _filtered[j] + (1 - a) * _drive[j];
            _drive[j] = 0;
            double current = p.Gain * (p.SynapseDelay ? previous : _filtered[j]) + p.Bias - _adaptation[j];
            _current[j] = current;
            _refractory[j] -= dt;
            double effective = Math.Clamp(dt - _refractory[j], 0, dt);
            _v[j] -= (current - _v[j]) * double.ExpM1(-effective / p.TauMembrane);
            if (_v[j] > p.Threshold) anySpike = true;
            if (_v[j] > _v[argmax]) argmax = j;
        }
        int winner = anySpike ? argmax : -1;
        for (int j = 0; j < _v.Length; j++)
        {
            bool crossed = _v[j] > p.Threshold;
            if (winner >= 0 && j != winner)
            {
                _v[j] = 0;
                if (_inhibited[j] == 0) _inhibited[j] = InhibitionSteps;
            }
            if (_inhibited[j] != 0) _v[j] = 0;
            if (crossed && !(p.NengoRefractory && winner >= 0 && j != winner))
            {
                // Nengo's sub-step spike time; only the winner spikes, the others over threshold go refractory unless NengoRefractory.
                double tSpike = dt + p.TauMembrane * Math.Log(1 - (_v[j] - p.Threshold) / (_current[j] - p.Threshold));
                _refractory[j] = p.RefractoryPeriod + (double.IsFinite(tSpike) ? Math.Clamp(tSpike, 0, dt) : 0);
                _v[j] = 0;
            }
            if (_v[j] < p.MinVoltage) _v[j] = p.MinVoltage;
            if (p.NengoRefractory && _refractory[j] > 0 && !crossed) _v[j] = 0;
            double output = j == winner ? 1 / dt : 0;
            _adaptation[j] += dt / p.TauAdaptation * (p.AdaptationIncrement * output - _adaptation[j]);
            if (_inhibited[j] != 0) _inhibited[j]--;
        }
        return winner;
    }

    /// <summary>Back to rest: potentials, filters, refractoriness, inhibition and adaptation all zero.</summary>
    public void Reset()
    {
        foreach (var array in new[] { _v, _refractory, _adaptation, _filtered, _drive, _current }) Array.Clear(array);
        Array.Clear(_inhibited);
    }

    public void SaveState(BinaryWriter w)
    {
        w.Write(_v.Length);
        for (int j = 0; j < _v.Length; j++)
        {
            w.Write(_v[j]); w.Write(_refractory[j]); w.Write(_adaptation[j]); w.Write(_filtered[j]); w.Write(_drive[j]); w.Write(_inhibited[j]);
        }
    }

    public void RestoreState(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n != _v.Length) throw new InvalidDataException($"checkpoint has {n} output neurons, the network {_v.Length}");
        for (int j = 0; j < n; j++)
        {
            _v[j] = r.ReadDouble(); _refractory[j] = r.ReadDouble(); _adaptation[j] = r.ReadDouble();
            _filtered[j] = r.ReadDouble(); _drive[j] = r.ReadDouble(); _inhibited[j] = r.ReadInt32();
        }
    }
}
