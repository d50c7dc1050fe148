namespace CircuitNeuro.Circuits.Devices;

/// <summary>
/// A voltage-controlled memristive device in behavioural form: a two-terminal I–V that depends on
/// one internal state x, and the state equation dx/dt = f(v, x). One instance holds one device's
/// parameters (device-to-device variability means one instance per device). Sign convention:
/// v is the voltage from the first terminal to the second and i flows from first to second.
/// </summary>
public interface IMemristorModel
{
    /// <summary>Model name for reports (for example "seed002-threshold", "vteam").</summary>
    string Name { get; }

    /// <summary>Lower bound of the state (the integrators keep x in [MinState, MaxState]).</summary>
    double MinState { get; }

    double MaxState { get; }

    /// <summary>Device current at voltage v and state x, in amperes.</summary>
    double Current(double v, double x);

    /// <summary>∂i/∂v at (v, x): the conductance a circuit companion model stamps.</summary>
    double DifferentialConductance(double v, double x);

    /// <summary>
    /// dx/dt at (v, x) without the bounds: <see cref="MemristorModels.BoundedDerivative"/> zeroes it
    /// at a bound when it pushes outward.
    /// </summary>
    double StateDerivative(double v, double x);

    /// <summary>
    /// Voltages where dx/dt has a kink (switching thresholds): integrators split a pulse where v crosses
    /// them, so the kink never falls inside a step.
    /// </summary>
    IReadOnlyList<double> SwitchingThresholds { get; }
}

/// <summary>Helpers shared by every model and integrator.</summary>
public static class MemristorModels
{
    /// <summary>dx/dt with x clamped into the bounds and no motion out of them (the hard window of every model).</summary>
    public static double BoundedDerivative(this IMemristorModel m, double v, double x)
    {
        double xc = Math.Clamp(x, m.MinState, m.MaxState);
        double d = m.StateDerivative(v, xc);
        if (d > 0 && xc >= m.MaxState) return 0;
        if (d < 0 && xc <= m.MinState) return 0;
        return d;
    }

    /// <summary>Chord conductance i/v at a read voltage (the conductance a read circuit reports).</summary>
    public static double ReadConductance(this IMemristorModel m, double x, double readVoltage = 0.1) =>
        m.Current(readVoltage, x) / readVoltage;

    /// <summary>State normalised to [0, 1] over the model's range.</summary>
    public static double NormalisedState(this IMemristorModel m, double x) => (x - m.MinState) / (m.MaxState - m.MinState);

    public static double StateRange(this IMemristorModel m) => m.MaxState - m.MinState;
}
