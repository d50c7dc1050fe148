using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// Applies EP updates as programming pulses through a memristor model instead of writing numbers:
/// each conductance is a device; a wanted change Δg becomes n = round(|Δg| / ΔG₁) identical pulses
/// (the SET pulse for Δg &gt; 0, the RESET pulse for Δg &lt; 0), where ΔG₁ is one pulse's change
/// at mid-window. The pulses are integrated through the model, so its non-linearity and window
/// decide the change actually written, and their ∫v·i dt is the programming energy of the update.
/// </summary>
public sealed class PulseProgramming
{
    private readonly PulseIntegrator _integrator = new();
    private MemristorDevice[] _devices = [];

    public PulseProgramming(IMemristorModel model, ProgrammingPulse set, ProgrammingPulse reset, int maxPulsesPerUpdate = 64)
    {
        if (maxPulsesPerUpdate < 1) throw new ArgumentOutOfRangeException(nameof(maxPulsesPerUpdate));
        Model = model;
        Set = set;
        Reset = reset;
        MaxPulsesPerUpdate = maxPulsesPerUpdate;
        double mid = 0.5 * (model.MinState + model.MaxState);
        SetStep = _integrator.Apply(new MemristorDevice(model, mid), set).StateChange;
        ResetStep = _integrator.Apply(new MemristorDevice(model, mid), reset).StateChange;
        if (!(SetStep > 0) || !(ResetStep < 0))
            throw new ArgumentException($"the SET pulse must raise and the RESET pulse lower the conductance of {model.Name} (got {SetStep:G3} and {ResetStep:G3} S)");
    }

    /// <summary>The device model; its state is the conductance (S).</summary>
    public IMemristorModel Model { get; }
    public ProgrammingPulse Set { get; }
    public ProgrammingPulse Reset { get; }
    public int MaxPulsesPerUpdate { get; }
    /// <summary>Conductance change of one SET pulse at mid-window (S).</summary>
    public double SetStep { get; }
    /// <summary>Conductance change of one RESET pulse at mid-window (S, negative).</summary>
    public double ResetStep { get; }

    /// <summary>
    /// Programs every device from <paramref name="present"/> toward <paramref name="wanted"/>
    /// and returns what was written, the pulses' energy (J) and their number.
    /// </summary>
    public (double[] Written, double Energy, int Pulses) Apply(double[] present, double[] wanted)
    {
        if (present.Length != wanted.Length) throw new ArgumentException("present and wanted conductances differ in length");
        if (_devices.Length != present.Length)
            _devices = present.Select((g, k) => new MemristorDevice(Model, Math.Clamp(g, Model.MinState, Model.MaxState), $"w{k}")).ToArray();
        var written = new double[present.Length];
        double energy = 0;
        int pulses = 0;
        for (int k = 0; k < present.Length; k++)
        {
            var device = _devices[k];
            double delta = wanted[k] - device.State;
            var pulse = delta > 0 ? Set : Reset;
            int n = Math.Min(MaxPulsesPerUpdate, (int)Math.Round(delta / (delta > 0 ? SetStep : ResetStep)));
            for (int p = 0; p < n; p++)
            {
                var r = _integrator.Apply(device, pulse);
                energy += r.DeliveredEnergy;
            }
            pulses += n;
            written[k] = device.State;
        }
        return (written, energy, pulses);
    }
}
