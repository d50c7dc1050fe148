using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// One fitted device per synapse, drawn from the nominal fit with <see cref="VdspVariability"/> through the Circuits
/// variability module (<see cref="DeviceSampler{TParameters}"/> for thresholds and HRS/LRS ratio,
/// <see cref="Nonidealities.DrawStuck"/> for stuck devices). Column j draws from its own stream, inputs in order, so a
/// synapse's device does not depend on how many columns there are. G_max is common (the forward pass is G/G_max).
/// </summary>
public sealed class VdspDevicePopulation
{
    private readonly DeviceVdspRule[] _rules;
    private readonly StuckAt[] _stuck;

    public VdspDevicePopulation(VdspFitParameters nominal, VdspVariability variability, int inputs, int outputs, ulong seed,
                                Func<VdspFittedMemristor, DeviceVdspRule> rule)
    {
        variability.Validate();
        Inputs = inputs;
        Outputs = outputs;
        if (variability.OnOffRatio > 0) nominal = nominal with { OnOffRatio = variability.OnOffRatio };
        var thresholdFactor = new NormalDistribution(1, variability.ThresholdSpread, 0.05, 3);
        var sampler = new DeviceSampler<VdspFitParameters>(nominal)
            .Vary("vth_p", thresholdFactor, (p, f) => p with { Potentiation = p.Potentiation with { Threshold = p.Potentiation.Threshold * f } })
            .Vary("vth_n", thresholdFactor, (p, f) => p with { Depression = p.Depression with { Threshold = p.Depression.Threshold * f } })
            .Vary("on_off", new LogNormalDistribution(Math.Log(nominal.OnOffRatio), variability.OnOffSpread), (p, r) => p with { OnOffRatio = Math.Max(1, r) });
        var faults = new Nonidealities { StuckLrsFraction = variability.StuckLrs, StuckHrsFraction = variability.StuckHrs };
        var streams = new RandomStreams(seed);
        _rules = new DeviceVdspRule[inputs * outputs];
        _stuck = new StuckAt[inputs * outputs];
        for (int j = 0; j < outputs; j++)
        {
            RandomStream d2d = streams.Get("vdsp-devices/d2d", j), stuck = streams.Get("vdsp-devices/stuck", j);
            for (int i = 0; i < inputs; i++)
            {
                _rules[i * outputs + j] = rule(new VdspFittedMemristor(sampler.Draw(d2d)));
                _stuck[i * outputs + j] = faults.DrawStuck(stuck);
            }
        }
    }

    public int Inputs { get; }
    public int Outputs { get; }

    public DeviceVdspRule Rule(int pre, int post) => _rules[pre * Outputs + post];

    public StuckAt Stuck(int pre, int post) => _stuck[pre * Outputs + post];

    public long StuckCount => _stuck.LongCount(s => s != StuckAt.None);

    /// <summary>The state a stuck device keeps (LRS: w = 1, HRS: w = 0); null when it programs normally.</summary>
    public double? PinnedState(int pre, int post) => Stuck(pre, post) switch { StuckAt.Lrs => 1, StuckAt.Hrs => 0, _ => null };

    /// <summary>Per-synapse forward map G(w)/G_max = offset + scale·w (index pre·outputs + post).</summary>
    public (double[] Offset, double[] Scale) ForwardMap()
    {
        var offset = new double[_rules.Length];
        var scale = new double[_rules.Length];
        for (int k = 0; k < _rules.Length; k++)
        {
            offset[k] = _rules[k].ForwardWeight(0);
            scale[k] = _rules[k].ForwardWeight(1) - offset[k];
        }
        return (offset, scale);
    }
}
