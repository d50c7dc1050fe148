using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// Applies EP updates as programming pulses through a memristor model instead of writing numbers (both
/// trainers call <see cref="Program"/>): each conductance is a device; a wanted change Δg becomes
/// n = round(|Δg| / ΔG₁) identical pulses (the SET pulse for Δg &gt; 0, the RESET pulse for Δg &lt; 0), where
/// ΔG₁ is one pulse's change at mid-window. The pulses go through the model, so its non-linearity and window
/// decide the change actually written, and their ∫v·i dt is the programming energy of the update.
/// With <c>mapPoints</c> = 0 every pulse is integrated (exact, slow); otherwise through a
/// <see cref="OnePulseMap"/> tabulated once (the fast path's choice at MNIST size).
/// </summary>
public sealed class PulseProgramming
{
    private readonly PulseIntegrator _integrator = new();
    private readonly MemristorDevice _device;
    private readonly OnePulseMap? _setMap, _resetMap;

    public PulseProgramming(IMemristorModel model, ProgrammingPulse set, ProgrammingPulse reset, int maxPulsesPerUpdate = 64, int mapPoints = 0)
    {
        if (maxPulsesPerUpdate < 1) throw new ArgumentOutOfRangeException(nameof(maxPulsesPerUpdate));
        if (mapPoints is < 0 or 1) throw new ArgumentOutOfRangeException(nameof(mapPoints), "0 (integrate every pulse) or at least 2 grid points");
        Model = model;
        Set = set;
        Reset = reset;
        MaxPulsesPerUpdate = maxPulsesPerUpdate;
        double mid = 0.5 * (model.MinState + model.MaxState);
        SetStep = _integrator.Apply(new MemristorDevice(model, mid), set).StateChange;
        ResetStep = _integrator.Apply(new MemristorDevice(model, mid), reset).StateChange;
        if (!(SetStep > 0) || !(ResetStep < 0))
            throw new ArgumentException($"the SET pulse must raise and the RESET pulse lower the conductance of {model.Name} (got {SetStep:G3} and {ResetStep:G3} S)");
        _device = new MemristorDevice(model, mid, "programmed");
        if (mapPoints > 0)
        {
            _setMap = new OnePulseMap(model, set, _integrator, mapPoints);
            _resetMap = new OnePulseMap(model, reset, _integrator, mapPoints);
        }
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

    /// <summary>Throws unless the model's window is the network's conductance window.</summary>
    public void RequireWindow(ResistiveEpSpec spec)
    {
        if (Model.MinState != spec.ConductanceMin || Model.MaxState != spec.ConductanceMax)
            throw new ArgumentException($"the programmed device's window [{Model.MinState}, {Model.MaxState}] S must be the network's conductance window [{spec.ConductanceMin}, {spec.ConductanceMax}] S");
    }

    /// <summary>
    /// Programs every device g[k] toward <paramref name="wanted"/>[k] in place and returns the pulses' energy (J)
    /// and their number. Allocates nothing when the pulses go through the tabulated maps.
    /// </summary>
    public (double Energy, long Pulses) Program(Span<double> g, ReadOnlySpan<double> wanted)
    {
        if (g.Length != wanted.Length) throw new ArgumentException("present and wanted conductances differ in length");
        double energy = 0;
        long pulses = 0;
        for (int k = 0; k < g.Length; k++)
        {
            double x = Math.Clamp(g[k], Model.MinState, Model.MaxState), delta = wanted[k] - x;
            bool up = delta > 0;
            int n = Math.Min(MaxPulsesPerUpdate, (int)Math.Round(delta / (up ? SetStep : ResetStep)));
            if (n > 0)
            {
                energy += up ? Pulses(ref x, n, Set, _setMap) : Pulses(ref x, n, Reset, _resetMap);
                pulses += n;
            }
            g[k] = x;
        }
        return (energy, pulses);
    }

    private double Pulses(ref double x, int n, ProgrammingPulse pulse, OnePulseMap? map)
    {
        double energy = 0;
        if (map is not null)
        {
            for (int p = 0; p < n; p++) energy += map.Apply(ref x);
            return energy;
        }
        _device.State = x;
        for (int p = 0; p < n; p++) energy += _integrator.Apply(_device, pulse).DeliveredEnergy;
        x = _device.State;
        return energy;
    }
}
