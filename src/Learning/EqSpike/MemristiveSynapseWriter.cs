using System.Runtime.CompilerServices;
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
    private readonly Pulse _pulse;   // the options' nominal pulse and window, read by every write
    private readonly RandomStream _noise;
    private readonly RandomStream _d2d;
    private IReadOnlyList<double[]> _weights = [];
    private double[][] _g = [];
    private DrawnDevice[][] _dev = [];   // per synapse: its drawn slopes and thresholds, side by side (one cache line per write)
    private bool _identical;             // every device drew the same bits (no D2D spread): a run reads device 0 only

    /// <summary>The D2D draws of one device (Eq. 3.14 thresholds, §3.7.4 slopes).</summary>
    private readonly record struct DrawnDevice(double SlopePositive, double SlopeNegative, double ThresholdPositive, double ThresholdNegative);

    public MemristiveSynapseWriter(MemristorSynapseOptions options, RandomStream deviceDraws, RandomStream writeNoise)
    {
        options.Validate();
        _o = options;
        _pulse = new Pulse(options);
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
        (_g, _dev) = (new double[n][], new DrawnDevice[n][]);
        for (int l = 0; l < n; l++)
        {
            int size = weights[l].Length;
            (_g[l], _dev[l]) = (new double[size], new DrawnDevice[size]);
            for (int k = 0; k < size; k++)
            {
                double fp = Factor(_o.SlopeSpread), fn = _o.SlopeSymmetric ? fp : Factor(_o.SlopeSpread);
                double sp = p.SlopePositive * fp, sn = p.SlopeNegative * fn;
                double vtp = p.ThresholdPositive * (1 + _d2d.Normal(0, _o.ThresholdSpread));
                double vtn = p.ThresholdNegative * (1 + _d2d.Normal(0, _o.ThresholdSpread));
                _dev[l][k] = new DrawnDevice(sp, sn, vtp, vtn);
                _g[l][k] = ToConductance(weights[l][k]);
                weights[l][k] = ToWeight(_g[l][k]);
            }
        }
        var first = _dev[0].Length > 0 ? _dev[0][0] : default;
        _identical = _dev.All(layer => layer.All(d => SameBits(d, first)));
    }

    private static bool SameBits(DrawnDevice a, DrawnDevice b) =>
        BitConverter.DoubleToInt64Bits(a.SlopePositive) == BitConverter.DoubleToInt64Bits(b.SlopePositive)
        && BitConverter.DoubleToInt64Bits(a.SlopeNegative) == BitConverter.DoubleToInt64Bits(b.SlopeNegative)
        && BitConverter.DoubleToInt64Bits(a.ThresholdPositive) == BitConverter.DoubleToInt64Bits(b.ThresholdPositive)
        && BitConverter.DoubleToInt64Bits(a.ThresholdNegative) == BitConverter.DoubleToInt64Bits(b.ThresholdNegative);

    private double Factor(double spread) => spread == 0 ? 1 : Math.Max(0, _d2d.Normal(1, spread));

    public double ToWeight(double g) => (g - _o.Device.Gmin) / (_o.Device.Gmax - _o.Device.Gmin) - 0.5;

    public double ToConductance(double w) => _o.Device.Gmin + (_o.Device.Gmax - _o.Device.Gmin) * Math.Clamp(w + 0.5, 0, 1);

    public double Conductance(int layer, int k) => _g[layer][k];

    /// <summary>Every device's conductance of a layer, in synapse order (read-only; the tail energy's sum).</summary>
    internal ReadOnlySpan<double> Conductances(int layer) => _g[layer];

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
            SlopePositive = _dev[layer][k].SlopePositive, SlopeNegative = _dev[layer][k].SlopeNegative,
            ThresholdPositive = _dev[layer][k].ThresholdPositive, ThresholdNegative = _dev[layer][k].ThresholdNegative,
        }), _g[layer][k], $"L{layer}[{k}]");

    public void Write(int layer, int k, double request) => WriteRun(layer, k, 1, new ReadOnlySpan<double>(in request));

    /// <summary>
    /// The writes of one spike: requests[j] to synapse start + j·stride, j ascending, exactly as that many <see cref="Write"/>
    /// calls (the same device operations, write-noise draws and energy sum in the same order).
    /// </summary>
    public void WriteRun(int layer, int start, int stride, ReadOnlySpan<double> requests)
    {
        var pulse = _pulse;
        double[] g = _g[layer], w = _weights[layer];
        DrawnDevice[] dev = _dev[layer];
        int deviceStride = _identical ? 0 : stride;
        double energy = Energy;
        for (int j = 0, k = start, d = _identical ? 0 : start; j < requests.Length; j++, k += stride, d += deviceStride)
        {
            double v = requests[j] / pulse.Speed;
            energy += Program(pulse, dev[d], ref g[k], pulse.ThresholdPositive + v, pulse.ThresholdNegative + v);
            w[k] = ToWeight(g[k]);
        }
        Energy = energy;
        Writes += requests.Length;
    }

    /// <summary>
    /// One programming event with explicit device voltages for its two halves (t_pulse each): the general superposition
    /// the A-EqSpike desynchronised variants need (clipped signals, colliding pulses, seed 002 §4.4).
    /// </summary>
    public void WritePulse(int layer, int k, double va, double vb)
    {
        Energy += Program(_pulse, _dev[layer][k], ref _g[layer][k], va, vb);
        _weights[layer][k] = ToWeight(_g[layer][k]);
        Writes++;
    }

    /// <summary>The nominal pulse and window (the options are immutable, so computed once).</summary>
    private readonly struct Pulse(MemristorSynapseOptions o)
    {
        public readonly double Speed = o.SpeedPerVolt, ThresholdPositive = o.Device.ThresholdPositive, ThresholdNegative = o.Device.ThresholdNegative;
        public readonly double Width = o.PulseWidth, Gmin = o.Device.Gmin, Gmax = o.Device.Gmax, Range = o.Device.Gmax - o.Device.Gmin;
        public readonly double ExponentSet = ThresholdHold.Exponent(o.Device, 1), ExponentReset = ThresholdHold.Exponent(o.Device, -1);
        public readonly double NoiseSigma = o.WriteNoise * (o.Device.Gmax - o.Device.Gmin);
        public readonly bool Noisy = o.WriteNoise > 0;
    }

    /// <summary>Both halves through Eq. 3.2 (closed form, with the ohmic energy v²·∫G dt of each), then the C2C noise; returns the energy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Program(in Pulse p, in DrawnDevice d, ref double g, double va, double vb)
    {
        double g2 = g;
        double energy = Hold(p, d, ref g2, va) + Hold(p, d, ref g2, vb);
        if (p.Noisy) g2 = Math.Clamp(g2 + p.NoiseSigma * _noise.Normal(), p.Gmin, p.Gmax);
        g = g2;
        return energy;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Hold(in Pulse p, in DrawnDevice d, ref double g, double volts)
    {
        double rate = ThresholdHold.Rate(volts, d.SlopePositive, d.ThresholdPositive, d.SlopeNegative, d.ThresholdNegative, p.Range);
        return ThresholdHold.Hold(ref g, p.Gmin, p.Gmax, volts, rate, volts < 0 ? p.ExponentReset : p.ExponentSet, p.Width);
    }

    public void ResetCounters() => RestoreCounters(0, 0);

    public void RestoreCounters(long writes, double energy) => (Writes, Energy) = (writes, energy);

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
