using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// The threshold memristors (seed 002 Eq. 3.2) that <see cref="PulseProgramming"/> programs when devices differ:
/// device k's Gmin, Gmax, S⁺, S⁻, V⁺th, V⁻th are the nominal values times 𝒩(1, σ²) factors (truncated at 0.05), drawn once
/// in that order from stream "ep-device/d2d/k" (the window first, as <see cref="EpDeviceArray"/> draws it for numbers,
/// so the same seed gives the same windows); η and the convention are shared. Cycle to cycle, every pulse that moves
/// a device gets the relative update noise 𝒩(1, σ²) on its change and the additive write noise 𝒩(0, (σ·own window)²)
/// (seed 002 §3.7.2, as <see cref="VariableMemristor"/>), or with <see cref="EpVariability.NoisePerWrite"/> the whole
/// change of an update gets it once; from one stream "ep-device/c2c", checkpointed.
/// </summary>
public sealed class ThresholdDeviceArray : ICheckpointable
{
    private readonly double[] _gmin, _gmax, _slopeSet, _slopeReset, _thresholdSet, _thresholdReset;
    private readonly RandomStream _writes;

    public ThresholdDeviceArray(ThresholdMemristorParameters nominal, int count, EpVariability variability, RandomStreams streams)
    {
        variability.Validate();
        if (variability.StepSpread != 0)
            throw new ArgumentException("with pulses a device's step comes from its slope and threshold spreads; the step spread applies to updates written as numbers");
        Nominal = nominal;
        Noise = variability.CycleToCycle;
        NoisePerWrite = variability.NoisePerWrite;
        IsNominal = variability.WindowSpread == 0 && variability.SlopeSpread == 0 && variability.ThresholdSpread == 0;
        var sampler = new DeviceSampler<ThresholdMemristorParameters>(nominal)
            .Vary("g_min", Spread(variability.WindowSpread), (p, f) => p with { Gmin = p.Gmin * f })
            .Vary("g_max", Spread(variability.WindowSpread), (p, f) => p with { Gmax = p.Gmax * f })
            .Vary("slope+", Spread(variability.SlopeSpread), (p, f) => p with { SlopePositive = p.SlopePositive * f })
            .Vary("slope−", Spread(variability.SlopeSpread), (p, f) => p with { SlopeNegative = p.SlopeNegative * f })
            .Vary("threshold+", Spread(variability.ThresholdSpread), (p, f) => p with { ThresholdPositive = p.ThresholdPositive * f })
            .Vary("threshold−", Spread(variability.ThresholdSpread), (p, f) => p with { ThresholdNegative = p.ThresholdNegative * f });
        (_gmin, _gmax, _slopeSet, _slopeReset, _thresholdSet, _thresholdReset) =
            (new double[count], new double[count], new double[count], new double[count], new double[count], new double[count]);
        for (int k = 0; k < count; k++)
        {
            var d = sampler.Draw(streams.Get($"{EpDeviceArray.Population}/d2d", k));
            if (!(d.Gmax > d.Gmin)) throw new ArgumentException($"device {k}: drawn window [{d.Gmin:G3}, {d.Gmax:G3}] S is empty; lower the window spread");
            (_gmin[k], _gmax[k], _slopeSet[k], _slopeReset[k], _thresholdSet[k], _thresholdReset[k]) =
                (d.Gmin, d.Gmax, d.SlopePositive, d.SlopeNegative, d.ThresholdPositive, d.ThresholdNegative);
        }
        _writes = streams.Get($"{EpDeviceArray.Population}/c2c");
    }

    private static ParameterDistribution Spread(double sigma) => new NormalDistribution(1, sigma, Lower: 0.05);

    public ThresholdMemristorParameters Nominal { get; }
    public Nonidealities Noise { get; }
    /// <summary>No device-to-device spread: every device is the nominal one (cycle-to-cycle noise may still be on).</summary>
    public bool IsNominal { get; }
    /// <summary>Noise once per device and update rather than per pulse.</summary>
    public bool NoisePerWrite { get; }
    public bool IsNoisy => Noise.WriteNoise > 0 || Noise.RelativeUpdateNoise > 0;
    public int Count => _gmin.Length;

    public double Lower(int k) => _gmin[k];
    public double Upper(int k) => _gmax[k];

    /// <summary>Device k's own parameters (for integrating its pulses or checking them).</summary>
    public ThresholdMemristorParameters Parameters(int k) => Nominal with
    {
        Gmin = _gmin[k], Gmax = _gmax[k], SlopePositive = _slopeSet[k], SlopeNegative = _slopeReset[k],
        ThresholdPositive = _thresholdSet[k], ThresholdNegative = _thresholdReset[k],
    };

    /// <summary>Normalised rate of device k under <paramref name="volts"/> (<see cref="ThresholdHold.Rate"/>).</summary>
    public double Rate(int k, double volts) =>
        ThresholdHold.Rate(volts, _slopeSet[k], _thresholdSet[k], _slopeReset[k], _thresholdReset[k], _gmax[k] - _gmin[k]);

    /// <summary>Cycle-to-cycle noise on one pulse's (or one write's) change <paramref name="change"/> of device k (0 stays 0: the pulse did not write).</summary>
    public double Noisy(int k, double change) => change == 0 ? 0 : Noise.WithWriteNoise(change, _gmax[k] - _gmin[k], _writes);

    public void SaveState(BinaryWriter writer) => _writes.SaveState(writer);
    public void RestoreState(BinaryReader reader) => _writes.RestoreState(reader);
}
