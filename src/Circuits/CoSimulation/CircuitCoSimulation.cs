using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Results;
using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.Circuits.CoSimulation;

/// <summary>
/// Drives a circuit from a discrete-event scheduler. Handlers of the scheduler change sources
/// (a read voltage, a programming pulse, a neuron's spike driver); this class advances the
/// circuit to each event time before the events run, and brings it to the new state after all
/// events of that time ran: an operating point (quasi-static) or a discontinuity the transient
/// restarts from. Energy is integrated all along, and <see cref="Energy"/> attributes it to activities.
/// </summary>
public sealed class CircuitCoSimulation : IDisposable
{
    private readonly EventScheduler _scheduler;
    private readonly TransientSimulation? _transient;
    private readonly EnergyLedger _ledger;
    private double _circuitTime;
    private bool _started;
    private bool _changed;

    /// <param name="transientMaxStep">Largest transient step (transient mode); events and source corners are hit exactly anyway.</param>
    /// <param name="horizon">Time up to which the transient binds waveform defaults (PULSE period, SIN frequency).</param>
    public CircuitCoSimulation(Circuit circuit, EventScheduler scheduler, CoSimulationMode mode,
        double transientMaxStep = 1e-9, double horizon = 1)
    {
        _scheduler = scheduler;
        Mode = mode;
        System = new MnaSystem(circuit);
        if (mode == CoSimulationMode.Transient)
        {
            _transient = new TransientSimulation(System, transientMaxStep, horizon, transientMaxStep);
            _ledger = _transient.Energy;
        }
        else _ledger = new EnergyLedger(circuit.Elements);
        Energy = new EnergyAccount(_ledger, () => _circuitTime);
    }

    public CoSimulationMode Mode { get; }
    public MnaSystem System { get; }
    public EnergyAccount Energy { get; }
    public EnergyLedger Ledger => _ledger;
    public TransientSimulation? Transient => _transient;

    /// <summary>Time up to which the circuit has been solved.</summary>
    public double Time => _circuitTime;

    /// <summary>Solves the initial state (operating point at the scheduler's present time).</summary>
    public void Start()
    {
        _circuitTime = _scheduler.Now;
        if (_transient is not null) _transient.Start();
        else
        {
            System.Context.UseWaveforms = false;
            OperatingPoint.Solve(System);
        }
        _started = true;
    }

    /// <summary>Runs events and circuit together up to <paramref name="endTime"/> (inclusive for events).</summary>
    public void RunUntil(double endTime)
    {
        if (!_started) Start();
        while (!_scheduler.StopRequested && _scheduler.NextEventTime <= endTime)
        {
            double t = _scheduler.NextEventTime;
            AdvanceCircuitTo(t);
            while (_scheduler.NextEventTime == t && !_scheduler.StopRequested) _scheduler.Step();
            if (_changed) Resolve();
        }
        AdvanceCircuitTo(endTime);
    }

    /// <summary>Integrates the circuit (transient) or holds its power (quasi-static) up to <paramref name="t"/>.</summary>
    public void AdvanceCircuitTo(double t)
    {
        if (!_started) Start();
        if (t <= _circuitTime) return;
        if (_changed) Resolve();
        if (_transient is not null) _transient.AdvanceTo(t);
        else _ledger.HoldFor(System.Context, t - _circuitTime);
        _circuitTime = t;
    }

    /// <summary>Handlers call this when they changed a source or an element value, so the circuit is re-solved once all events of this time ran.</summary>
    public void MarkChanged() => _changed = true;

    /// <summary>Brings the circuit to the state set by the handlers at the present time.</summary>
    public void Resolve()
    {
        _changed = false;
        if (_transient is not null) _transient.NotifyDiscontinuity();
        else OperatingPoint.Solve(System, useCurrentSolutionAsGuess: true);
    }

    /// <summary>
    /// A short pulse in quasi-static mode (a read): applies the change, solves the operating point,
    /// lets <paramref name="measure"/> read it, charges power × duration to <paramref name="activity"/>,
    /// then restores. The pulse is treated as instantaneous for the event timeline — valid when
    /// pulses are much shorter than the time between events — and its energy is its own.
    /// </summary>
    public EventEnergy QuasiStaticPulse(string activity, double duration, Action apply, Action<MnaSystem> measure, Action restore)
    {
        if (Mode != CoSimulationMode.QuasiStatic) throw new InvalidOperationException("quasi-static pulses need the quasi-static mode");
        if (!_started) Start();
        apply();
        Resolve();
        measure(System);
        long window = Energy.Open(activity);
        _ledger.HoldFor(System.Context, duration);
        var energy = Energy.Close(window, _circuitTime + duration);
        restore();
        _changed = true;
        return energy;
    }

    public void Dispose() => System.Dispose();
}
