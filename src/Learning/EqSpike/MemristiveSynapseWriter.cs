using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// Writes updates as the pulse superposition of seed 002 Fig. 3.3 [S L1680–1705]: the spiking neuron's programming
/// pulse is +V_th then −V_th (t_pulse each, nominal V_th), the partner drives its ρ̄ voltage V_ρ on the other terminal,
/// so the device sees ±V_th + V_ρ and exactly one half exceeds an ideal threshold, by |V_ρ| with the sign of V_ρ
/// (Eqs. 3.5–3.6). V_ρ is the requested ΔW over the nominal speed (the gain φ_lr of Eq. 3.8). Each half is applied
/// through Eq. 3.2 with the device's own drawn S^±, V_th^± (so a threshold error writes in both halves, Eq. 3.15),
/// then the C2C write noise is added. Energy per write is ∫v·i dt of the ohmic device over both halves.
/// </summary>
public sealed class MemristiveSynapseWriter : ISynapseWriter, ICheckpointable
{
    private readonly MemristorSynapseOptions _o;
    private readonly RandomStream _noise;
    private readonly RandomStream _d2d;
    private IReadOnlyList<double[]> _weights = [];
    private double[][] _g = [], _sp = [], _sn = [], _vtp = [], _vtn = [];

    public MemristiveSynapseWriter(MemristorSynapseOptions options, RandomStream deviceDraws, RandomStream writeNoise)
    {
        options.Validate();
        _o = options;
        _d2d = deviceDraws;
        _noise = writeNoise;
    }

    public MemristorSynapseOptions Options => _o;
    public long Writes { get; private set; }
    public double Energy { get; private set; }

    /// <summary>Draws every device's parameters and programs the initial weights (clamped into [−0.5, 0.5]).</summary>
    public void Attach(IReadOnlyList<double[]> weights)
    {
        _weights = weights;
        var p = _o.Device;
        int n = weights.Count;
        (_g, _sp, _sn, _vtp, _vtn) = (new double[n][], new double[n][], new double[n][], new double[n][], new double[n][]);
        for (int l = 0; l < n; l++)
        {
            int size = weights[l].Length;
            (_g[l], _sp[l], _sn[l], _vtp[l], _vtn[l]) = (new double[size], new double[size], new double[size], new double[size], new double[size]);
            for (int k = 0; k < size; k++)
            {
                double fp = Factor(_o.SlopeSpread), fn = _o.SlopeSymmetric ? fp : Factor(_o.SlopeSpread);
                _sp[l][k] = p.SlopePositive * fp;
                _sn[l][k] = p.SlopeNegative * fn;
                _vtp[l][k] = p.ThresholdPositive * (1 + _d2d.Normal(0, _o.ThresholdSpread));
                _vtn[l][k] = p.ThresholdNegative * (1 + _d2d.Normal(0, _o.ThresholdSpread));
                _g[l][k] = ToConductance(weights[l][k]);
                weights[l][k] = ToWeight(_g[l][k]);
            }
        }
    }

    private double Factor(double spread) => spread == 0 ? 1 : Math.Max(0, _d2d.Normal(1, spread));

    public double ToWeight(double g) => (g - _o.Device.Gmin) / (_o.Device.Gmax - _o.Device.Gmin) - 0.5;

    public double ToConductance(double w) => _o.Device.Gmin + (_o.Device.Gmax - _o.Device.Gmin) * Math.Clamp(w + 0.5, 0, 1);

    public double Conductance(int layer, int k) => _g[layer][k];

    /// <summary>Voltage of the partner's ρ̄ output for a requested ΔW (Eq. 3.8: φ_lr folds S·t_pulse/(Gmax − Gmin)).</summary>
    public double DriveVoltage(double request) => request / _o.SpeedPerVolt;

    /// <summary>The bipolar pulse as the device sees it (for checks against <see cref="PulseIntegrator"/>).</summary>
    public PwlPulse SuperposedPulse(double request)
    {
        double v = DriveVoltage(request), vp = _o.Device.ThresholdPositive, vn = _o.Device.ThresholdNegative;
        return new PwlPulse(1, 2 * _o.PulseWidth, [0, 0.5, 0.5, 1], [vp + v, vp + v, vn + v, vn + v]);
    }

    /// <summary>The device of synapse k with its drawn parameters and present conductance (a copy, for checks).</summary>
    public MemristorDevice DeviceOf(int layer, int k) =>
        new(new ThresholdMemristor(_o.Device with
        {
            SlopePositive = _sp[layer][k], SlopeNegative = _sn[layer][k],
            ThresholdPositive = _vtp[layer][k], ThresholdNegative = _vtn[layer][k],
        }), _g[layer][k], $"L{layer}[{k}]");

    public void Write(int layer, int k, double request)
    {
        double v = DriveVoltage(request);
        WritePulse(layer, k, _o.Device.ThresholdPositive + v, _o.Device.ThresholdNegative + v);
    }

    /// <summary>
    /// One programming event with explicit device voltages for its two halves (t_pulse each): the general superposition
    /// the A-EqSpike desynchronised variants need (clipped signals, colliding pulses, seed 002 §4.4).
    /// </summary>
    public void WritePulse(int layer, int k, double va, double vb)
    {
        var p = _o.Device;
        double t = _o.PulseWidth;
        double g2 = _g[layer][k];
        // Each half is Eq. 3.2 held at a constant voltage, in closed form with its ohmic energy v²·∫G dt.
        Energy += Hold(layer, k, ref g2, va, t) + Hold(layer, k, ref g2, vb, t);
        if (_o.WriteNoise > 0)
            g2 = Math.Clamp(g2 + _o.WriteNoise * (p.Gmax - p.Gmin) * _noise.Normal(), p.Gmin, p.Gmax);
        _g[layer][k] = g2;
        _weights[layer][k] = ToWeight(g2);
        Writes++;
    }

    private double Hold(int layer, int k, ref double g, double volts, double duration)
    {
        var p = _o.Device;
        double rate = ThresholdHold.Rate(volts, _sp[layer][k], _vtp[layer][k], _sn[layer][k], _vtn[layer][k], p.Gmax - p.Gmin);
        return ThresholdHold.Hold(ref g, p.Gmin, p.Gmax, volts, rate, ThresholdHold.Exponent(p, volts), duration);
    }

    public void ResetCounters()
    {
        Writes = 0;
        Energy = 0;
    }

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(_g.Length);
        foreach (var layer in _g)
        {
            writer.Write(layer.Length);
            foreach (double g in layer) writer.Write(g);
        }
    }

    public void RestoreState(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        if (n != _g.Length) throw new InvalidDataException($"checkpoint has {n} synapse layers, this network {_g.Length}");
        for (int l = 0; l < n; l++)
        {
            int size = reader.ReadInt32();
            if (size != _g[l].Length) throw new InvalidDataException($"checkpoint layer {l} has {size} devices, this network {_g[l].Length}");
            for (int k = 0; k < size; k++)
            {
                _g[l][k] = reader.ReadDouble();
                _weights[l][k] = ToWeight(_g[l][k]);
            }
        }
    }
}
