using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Circuits.Variability;

/// <summary>
/// One HfO2 1T1R cell programmed pulse by pulse: the deterministic filament ODE (<see cref="HfO2FilamentMemristor"/>,
/// integrated by <see cref="PulseIntegrator"/>) plus the cycle-to-cycle randomness of the RESET. The seed says the
/// filament "breaks in a random process" (S L1524) while the compliance-limited SET is tight (S L1522); so only a pulse
/// that raised R draws ln R ← ln R + σ_ln·ξ, ξ ~ 𝒩(0, 1), from the cell's own stream: a log-normal HRS whose median is
/// the deterministic RESET result. SET pulses and pulses that moved nothing draw nothing.
/// </summary>
public sealed class StochasticResetCell
{
    private readonly HfO2FilamentParameters _parameters;
    private readonly RandomStream _c2c;
    private readonly PulseIntegrator _integrator;
    private double _state;

    /// <param name="integrator">default: relative tolerance 1e-7</param>
    public StochasticResetCell(HfO2FilamentParameters parameters, double initialResistance, RandomStream cycleToCycle, PulseIntegrator? integrator = null)
    {
        parameters.Validate();
        _parameters = parameters;
        _c2c = cycleToCycle;
        _integrator = integrator ?? new PulseIntegrator { RelativeTolerance = 1e-7 };
        _state = Math.Clamp(HfO2FilamentMemristor.StateOf(initialResistance), Math.Log(parameters.MinResistance), Math.Log(parameters.MaxResistance));
    }

    public HfO2FilamentParameters Parameters => _parameters;
    public double Resistance => HfO2FilamentMemristor.ResistanceOf(_state);

    /// <summary>SET pulse (positive amplitude) under the compliance <paramref name="complianceCurrent"/> (amperes).</summary>
    public PulseResult Set(ProgrammingPulse pulse, double complianceCurrent) =>
        Apply(pulse, _parameters with { ComplianceCurrent = complianceCurrent });

    /// <summary>RESET pulse (negative amplitude), access transistor fully on (no compliance, S L1449).</summary>
    public PulseResult Reset(ProgrammingPulse pulse) => Apply(pulse, _parameters with { ComplianceCurrent = double.PositiveInfinity });

    private PulseResult Apply(ProgrammingPulse pulse, HfO2FilamentParameters during)
    {
        var model = new HfO2FilamentMemristor(during);
        var device = new MemristorDevice(model, _state);
        var r = _integrator.Apply(device, pulse);
        double x = device.State;
        if (x > r.StateBefore && _parameters.ResetSigmaLn > 0)
            x = Math.Clamp(x + _c2c.Normal(0, _parameters.ResetSigmaLn), model.MinState, model.MaxState);
        _state = x;
        return r with { StateAfter = x };
    }
}
