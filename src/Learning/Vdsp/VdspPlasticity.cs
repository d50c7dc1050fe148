using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// VDSP as an event handler: on a postsynaptic spike event (IntPayload = post index) every synapse of that
/// neuron's column gets Δw = rule(w, V_pre(t)) with V_pre read from the presynaptic neuron at the spike time,
/// then w is clipped to [0, 1] (notes 003 §2.2). Nothing happens on presynaptic spikes: that is where the
/// saving in updates over pair-based STDP comes from.
/// </summary>
public sealed class VdspPlasticity : ISpikePlasticity
{
    private readonly ISynapticWeights _weights;
    private readonly Func<int, double, double> _prePotential;
    private readonly VdspDevicePopulation? _devices;

    /// <param name="prePotential">membrane potential of presynaptic unit i at time t (exact, no side effects)</param>
    /// <param name="devices">one device per synapse (variability): replaces <paramref name="rule"/> per synapse; stuck devices are pinned and never programmed</param>
    public VdspPlasticity(EventScheduler scheduler, EventTypeId postSpike, ISynapticWeights weights,
                          Func<int, double, double> prePotential, IVoltagePlasticityRule rule, VdspDevicePopulation? devices = null)
    {
        _weights = weights;
        _prePotential = prePotential;
        Rule = rule;
        _devices = devices;
        if (devices is not null)
            for (int pre = 0; pre < weights.PreCount; pre++)
                for (int post = 0; post < weights.PostCount; post++)
                    if (devices.PinnedState(pre, post) is double pinned) weights.Set(pre, post, pinned);
        scheduler.On(postSpike, (in SimEvent e) => { if (Enabled) OnPostSpike(e.IntPayload, e.Time); });
    }

    public string Name => Rule is DeviceVdspRule d ? $"vdsp-{d.Device.Parameters.Device}" : "vdsp";
    public IVoltagePlasticityRule Rule { get; }
    public UpdateLedger Ledger { get; } = new();
    public bool Enabled { get; set; } = true;

    public void OnPostSpike(int post, double time)
    {
        Ledger.PostTrigger();
        for (int pre = 0; pre < _weights.PreCount; pre++)
        {
            double w = _weights.Get(pre, post);
            double v = _prePotential(pre, time);
            var rule = _devices?.Rule(pre, post) ?? Rule;
            // A stuck device still sees the column's pulse (energy) but does not move.
            double delta = _devices?.PinnedState(pre, post) is null ? rule.Delta(w, v) : 0;
            Ledger.Record(delta, rule.PulseEnergy(w, v, delta));
            if (delta != 0) _weights.Set(pre, post, Math.Clamp(w + delta, 0, 1));
        }
    }

    public void SaveState(BinaryWriter writer) => Ledger.SaveState(writer);
    public void RestoreState(BinaryReader reader) => Ledger.RestoreState(reader);
}
