using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// Applies EP updates as programming pulses through a memristor model instead of writing numbers (both
/// trainers call <see cref="Program"/>): each conductance is a device; a wanted change Δg becomes
/// n = round(|Δg| / ΔG₁) identical pulses (the SET pulse for Δg &gt; 0, the RESET pulse for Δg &lt; 0), where
/// ΔG₁ is one pulse's change at mid-window. The pulses go through the model, so its non-linearity and window
/// decide the change actually written, and their ∫v·i dt is the programming energy of the update.
/// With <c>mapPoints</c> = 0 every pulse is integrated (exact, slow); otherwise through a
/// <see cref="OnePulseMap"/> tabulated once (the fast path's choice at MNIST size).
/// <para>
/// With a <see cref="ThresholdDeviceArray"/> every device has its own drawn parameters; the controller still fires
/// n = round(Δg/ΔG₁) of the nominal ΔG₁ (open-loop programming: it does not know each device), and each device answers
/// with its own physics. A one-pulse map cannot be shared between such devices: in x = (G − Gmin)/(Gmax − Gmin) a
/// rectangular pulse is the flow of dx/dt = c·e^{kx} over the dose c·w, c = S·(V − Vth)/(Gmax − Gmin), so the map absorbs
/// only changes that keep c (the window alone moves c), and for η ≠ 0 maps of different doses are different functions.
/// The flow has a closed form instead (<see cref="ThresholdHold"/>): n pulses cost one exp and one log per device and
/// update (each pulse apart, with cycle-to-cycle noise), exact to rounding, allocation-free. Other pulse shapes with
/// spread are integrated pulse by pulse on the device's own model (exact, allocating, slow). Without spread (noise only)
/// the nominal map or integrator is used, so zero variability writes exactly what no variability writes.
/// </para>
/// </summary>
public sealed class PulseProgramming : ICheckpointable
{
    private readonly PulseIntegrator _integrator = new();
    private readonly MemristorDevice _device;
    private readonly OnePulseMap? _setMap, _resetMap;
    private readonly ThresholdDeviceArray? _devices;
    private readonly bool _rectangular;
    private readonly double _setExponent, _resetExponent;

    /// <param name="devices">Per-device parameters and cycle-to-cycle noise (the model must then be the threshold device with the array's nominal parameters); null: every device is the model.</param>
    public PulseProgramming(IMemristorModel model, ProgrammingPulse set, ProgrammingPulse reset, int maxPulsesPerUpdate = 64, int mapPoints = 0,
        ThresholdDeviceArray? devices = null)
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
        if (devices is null) return;
        if (model is not ThresholdMemristor threshold || threshold.Parameters != devices.Nominal)
            throw new ArgumentException("devices that differ are drawn around the threshold memristor's parameters: give the model with the array's nominal parameters");
        _devices = devices;
        _rectangular = IsRectangular(set) && IsRectangular(reset);
        _setExponent = ThresholdHold.Exponent(devices.Nominal, set.Amplitude);
        _resetExponent = ThresholdHold.Exponent(devices.Nominal, reset.Amplitude);
    }

    private static bool IsRectangular(ProgrammingPulse p) => p.Segments() is [{ V0: var a, V1: var b }] && a == b;

    /// <summary>The device model; its state is the conductance (S).</summary>
    public IMemristorModel Model { get; }
    public ProgrammingPulse Set { get; }
    public ProgrammingPulse Reset { get; }
    public int MaxPulsesPerUpdate { get; }
    /// <summary>Conductance change of one SET pulse at mid-window (S).</summary>
    public double SetStep { get; }
    /// <summary>Conductance change of one RESET pulse at mid-window (S, negative).</summary>
    public double ResetStep { get; }
    /// <summary>The programmed devices when they differ from each other or are noisy; null: every device is <see cref="Model"/>.</summary>
    public ThresholdDeviceArray? Devices => _devices;

    /// <summary>Lower bound of device k's window.</summary>
    public double Lower(int k) => _devices?.Lower(k) ?? Model.MinState;
    public double Upper(int k) => _devices?.Upper(k) ?? Model.MaxState;

    /// <summary>Clips conductances (device k = <paramref name="first"/> + index) into their devices' windows.</summary>
    public void Clip(Span<double> g, int first = 0)
    {
        for (int k = 0; k < g.Length; k++) g[k] = Math.Clamp(g[k], Lower(first + k), Upper(first + k));
    }

    /// <summary>Throws unless the model's window is the network's conductance window.</summary>
    public void RequireWindow(ResistiveEpSpec spec)
    {
        if (Model.MinState != spec.ConductanceMin || Model.MaxState != spec.ConductanceMax)
            throw new ArgumentException($"the programmed device's window [{Model.MinState}, {Model.MaxState}] S must be the network's conductance window [{spec.ConductanceMin}, {spec.ConductanceMax}] S");
    }

    /// <summary>
    /// Programs every device g[k] (device number <paramref name="first"/> + k) toward <paramref name="wanted"/>[k] in place
    /// and returns the pulses' energy (J) and their number. Allocates nothing when the pulses go through the tabulated
    /// maps or the closed form.
    /// </summary>
    public (double Energy, long Pulses) Program(Span<double> g, ReadOnlySpan<double> wanted, int first = 0)
    {
        if (g.Length != wanted.Length) throw new ArgumentException("present and wanted conductances differ in length");
        double energy = 0;
        long pulses = 0;
        for (int k = 0; k < g.Length; k++)
        {
            int d = first + k;
            double x = Math.Clamp(g[k], Lower(d), Upper(d)), delta = wanted[k] - x;
            bool up = delta > 0;
            int n = Math.Min(MaxPulsesPerUpdate, (int)Math.Round(delta / (up ? SetStep : ResetStep)));
            if (n > 0)
            {
                energy += _devices is not { IsNoisy: true } ? Pulses(d, ref x, n, up)
                    : _devices.NoisePerWrite ? NoisyWrite(d, ref x, n, up) : NoisyPulses(d, ref x, n, up);
                pulses += n;
            }
            g[k] = x;
        }
        return (energy, pulses);
    }

    /// <summary>One pulse at a time, each change with its cycle-to-cycle noise.</summary>
    private double NoisyPulses(int d, ref double x, int n, bool up)
    {
        double energy = 0;
        for (int p = 0; p < n; p++) energy += NoisyWrite(d, ref x, 1, up);
        return energy;
    }

    /// <summary>n pulses whose whole change gets the cycle-to-cycle noise once, kept in the device's window.</summary>
    private double NoisyWrite(int d, ref double x, int n, bool up)
    {
        double before = x, energy = Pulses(d, ref x, n, up);
        x = Math.Clamp(before + _devices!.Noisy(d, x - before), Lower(d), Upper(d));
        return energy;
    }

    /// <summary>n identical pulses on device d: the nominal path, the closed form of the device's own flow, or its own model integrated.</summary>
    private double Pulses(int d, ref double x, int n, bool up)
    {
        var pulse = up ? Set : Reset;
        if (_devices is null || _devices.IsNominal) return NominalPulses(ref x, n, pulse, up ? _setMap : _resetMap);
        if (_rectangular)
            return ThresholdHold.Hold(ref x, _devices.Lower(d), _devices.Upper(d), pulse.Amplitude, _devices.Rate(d, pulse.Amplitude),
                up ? _setExponent : _resetExponent, n * pulse.Width);
        var device = new MemristorDevice(new ThresholdMemristor(_devices.Parameters(d)), x);
        double energy = 0;
        for (int p = 0; p < n; p++) energy += _integrator.Apply(device, pulse).DeliveredEnergy;
        x = device.State;
        return energy;
    }

    private double NominalPulses(ref double x, int n, ProgrammingPulse pulse, OnePulseMap? map)
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

    /// <summary>The cycle-to-cycle noise stream (nothing without devices).</summary>
    public void SaveState(BinaryWriter writer) => _devices?.SaveState(writer);
    public void RestoreState(BinaryReader reader) => _devices?.RestoreState(reader);
}
