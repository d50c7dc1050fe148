using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Learning.Stdp;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>Which learning rule runs on the network: VDSP (ideal or through a fitted device), pair STDP, or none.</summary>
public sealed record PlasticitySpec
{
    public static IReadOnlyList<string> Rules { get; } = ["vdsp", "stdp", "none"];
    public static IReadOnlyList<string> Devices { get; } = ["ideal", .. VdspDeviceFits.Names];

    public string Rule { get; init; } = "vdsp";
    /// <summary>
    /// η of VDSP. The paper sweeps 0.004–0.011; 0.002 was selected for the faithful model on a held-out validation split after
    /// 50,000 images (README "Gap to the paper"). STDP has its own in <see cref="Stdp"/>.
    /// </summary>
    public double LearningRate { get; init; } = 0.002;
    public string Device { get; init; } = "ideal";
    public double ProgrammingVoltage { get; init; }
    public double VoltageGain { get; init; } = 1;
    public double VoltageClipMin { get; init; } = double.NegativeInfinity;
    public double VoltageClipMax { get; init; } = double.PositiveInfinity;
    public PairStdpParameters Stdp { get; init; } = new();
    /// <summary>Device-to-device variability of the synapses (device rules only; none by default).</summary>
    public VdspVariability Variability { get; init; } = new();
    /// <summary>Also run pair STDP as a counter on the same spikes (own weight copy, never read by the network).</summary>
    public bool ShadowStdp { get; init; }

    public void Validate()
    {
        if (!Rules.Contains(Rule)) throw new ArgumentException($"rule '{Rule}' is not one of {string.Join(", ", Rules)}");
        if (!Devices.Contains(Device)) throw new ArgumentException($"device '{Device}' is not one of {string.Join(", ", Devices)}");
        if (Rule != "vdsp" && Device != "ideal") throw new ArgumentException($"device '{Device}' needs rule vdsp (the device fits are VDSP fits)");
        if (!(LearningRate >= 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"learning_rate must be finite and ≥ 0 (got {LearningRate})");
        if (!(VoltageClipMin < VoltageClipMax)) throw new ArgumentException($"voltage clip [{VoltageClipMin}, {VoltageClipMax}] is empty");
        Variability.Validate();
        if (Variability.IsActive() && Device == "ideal") throw new ArgumentException("variability needs a device (thresholds, HRS/LRS ratio and stuck states are device properties)");
        Stdp.Validate();
    }

    private static DenseSynapticWeights Copy(DenseSynapticWeights w)
    {
        var copy = new DenseSynapticWeights(w.PreCount, w.PostCount);
        for (int i = 0; i < w.PreCount; i++)
            for (int j = 0; j < w.PostCount; j++) copy.Set(i, j, w.Get(i, j));
        return copy;
    }

    public static VdspFitParameters DeviceFit(string name) => VdspDeviceFits.ByName(name);

    /// <summary>The voltage rule (VDSP only; null for the other rules).</summary>
    public IVoltagePlasticityRule? VoltageRule() => Rule != "vdsp" ? null
        : Device == "ideal" ? new IdealVdspRule(LearningRate)
        : DeviceRule(new VdspFittedMemristor(DeviceFit(Device)));

    private DeviceVdspRule DeviceRule(VdspFittedMemristor device) =>
        new(device, LearningRate, ProgrammingVoltage, VoltageGain, VoltageClipMin, VoltageClipMax);

    /// <summary>One device per synapse when variability is set (null otherwise: all synapses share the nominal device).</summary>
    public VdspDevicePopulation? DevicePopulation(int inputCount, int outputs, ulong seed) =>
        Rule == "vdsp" && Device != "ideal" && Variability.IsActive()
            ? new VdspDevicePopulation(DeviceFit(Device), Variability, inputCount, outputs, seed, DeviceRule)
            : null;

    /// <summary>Builds the network with this rule attached as event handlers.</summary>
    public VdspNetwork BuildNetwork(VdspNetworkOptions options, int inputCount, ulong seed)
    {
        Validate();
        var voltageRule = VoltageRule();
        var devices = DevicePopulation(inputCount, options.Outputs, seed);
        Func<VdspNetwork, ISpikePlasticity>? attach = Rule switch
        {
            "vdsp" => net => new VdspPlasticity(net.Scheduler, net.OutputSpikeEvent, net.Weights, net.InputPotential, voltageRule!, devices),
            "stdp" => net => new PairStdpPlasticity(net.Scheduler, net.InputSpikeEvent, net.Inputs.Id, net.OutputSpikeEvent, net.Weights, Stdp),
            _ => null,
        };
        Func<VdspNetwork, ISpikePlasticity>? shadow = ShadowStdp
            ? net => new PairStdpPlasticity(net.Scheduler, net.InputSpikeEvent, net.Inputs.Id, net.OutputSpikeEvent, Copy(net.Weights), Stdp)
            : null;
        return new VdspNetwork(options, inputCount, seed, attach, voltageRule is null ? null : voltageRule.ForwardWeight, shadow, devices?.ForwardMap());
    }
}
