using CircuitNeuro.Circuits.CoSimulation;
using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// Trains a resistive EP network with the phases run as events: for each sample, PhaseChange events
/// start the free phase, the +β phase, the −β phase (centered) and the update; the circuit runs in
/// quasi-static co-simulation, so every phase is an operating point held for the phase duration and
/// EnergyAccount windows give the energy per phase and per sample. Updates are numbers written into
/// the conductances, clipped to the device window, or pulses through a device model (<see cref="PulseProgramming"/>).
/// </summary>
public sealed class ResistiveEpTrainer : IDisposable
{
    private readonly EventScheduler _scheduler;
    private readonly CircuitCoSimulation _cosim;
    private readonly EventTypeId _phaseChange;

    // Per-sample state carried from one phase event to the next.
    private IReadOnlyList<(double[] X, double[] Y)> _samples = [];
    private double[] _free = [], _plusDrops = [], _freeDrops = [];
    private long _sampleWindow = -1, _phaseWindow = -1;
    private double _lossSum, _updateSum, _programmingEnergy;
    private long _pulses;

    /// <param name="programming">Applies the updates as pulses through a device model; null writes the numbers.</param>
    public ResistiveEpTrainer(ResistiveEpCircuit layout, EpTrainingOptions options, EventScheduler? scheduler = null, PulseProgramming? programming = null)
    {
        Options = options;
        programming?.RequireWindow(layout.Spec);
        Programming = programming;
        if (programming?.Devices is not null)
        {
            var g = layout.Conductances();
            programming.Clip(g); // into each device's own window, as the fast trainer does
            layout.SetConductances(g, clip: false);
        }
        _scheduler = scheduler ?? new EventScheduler();
        _cosim = new CircuitCoSimulation(layout.Circuit, _scheduler, CoSimulationMode.QuasiStatic);
        Network = new ResistiveEpNetwork(layout, _cosim.System);
        _phaseChange = _scheduler.TypeOf(StandardEventTypes.PhaseChange);
        _scheduler.On(_phaseChange, OnPhaseChange);
    }

    public EpTrainingOptions Options { get; }
    public PulseProgramming? Programming { get; }
    public ResistiveEpNetwork Network { get; }
    public EnergyAccount Energy => _cosim.Energy;
    public EventScheduler Scheduler => _scheduler;
    private ResistiveEpCircuit Layout => Network.Layout;

    /// <summary>Runs one epoch over <paramref name="samples"/> in the given order (shuffle outside, with RandomStreams).</summary>
    public EpEpochReport TrainEpoch(IReadOnlyList<(double[] X, double[] Y)> samples)
    {
        _samples = samples;
        _lossSum = _updateSum = _programmingEnergy = 0;
        _pulses = 0;
        int firstWindow = Energy.Windows.Count;
        double t0 = _scheduler.Now, end = t0;
        for (int s = 0; s < samples.Count; s++)
            end = EpPhases.ScheduleSample(_scheduler, _phaseChange, t0, Options.PhaseDuration, s, Options.Centered);
        _cosim.RunUntil(end);
        return Report(samples.Count, Energy.Windows.Skip(firstWindow).ToList());
    }

    private void OnPhaseChange(in SimEvent e)
    {
        var (x, y) = _samples[e.Target];
        switch ((EpPhase)e.IntPayload)
        {
            case EpPhase.Free:
                Layout.SetInput(x);
                Layout.SetNudge([]);
                _sampleWindow = Energy.Open("sample");
                OpenPhase("free");
                break;
            case EpPhase.NudgePlus:
                // The circuit holds the free equilibrium solved after the previous event.
                ClosePhase();
                _free = Network.Outputs();
                _freeDrops = Network.Drops();
                _lossSum += ResistiveEpNetwork.Loss(_free, y);
                Nudge(Options.Beta, y);
                OpenPhase("nudge+");
                break;
            case EpPhase.NudgeMinus:
                ClosePhase();
                _plusDrops = Network.Drops();
                Nudge(-Options.Beta, y);
                OpenPhase("nudge−");
                break;
            case EpPhase.Update:
                ClosePhase();
                Energy.Close(_sampleWindow);
                var gradient = Options.Centered
                    ? EpGradient.Centered(_plusDrops, Network.Drops(), Options.Beta)
                    : EpGradient.OneSided(_freeDrops, Network.Drops(), Options.Beta);
                ApplyUpdate(EpGradient.CorrectForBackwardGain(gradient, Layout));
                Layout.SetNudge([]);
                _cosim.MarkChanged();
                break;
        }
    }

    private void Nudge(double beta, double[] y)
    {
        var currents = new double[y.Length];
        for (int c = 0; c < y.Length; c++) currents[c] = beta * (y[c] - _free[c]);
        Layout.SetNudge(currents);
        _cosim.MarkChanged();
    }

    private void OpenPhase(string name)
    {
        _phaseWindow = Energy.Open(name);
        _cosim.MarkChanged();
    }

    private void ClosePhase() => Energy.Close(_phaseWindow);

    /// <summary>Δg = −η·G²·∂L/∂g, clipped to [gmin, gmax].</summary>
    private void ApplyUpdate(double[] gradient)
    {
        double G = Layout.Spec.ConductanceMax, scale = Options.LearningRate * G * G;
        var g = Layout.Conductances();
        var wanted = new double[g.Length];
        double moved = 0;
        for (int k = 0; k < g.Length; k++)
        {
            double next = Math.Clamp(g[k] - scale * Options.LayerRate(Layout.WeightLayer[k]) * gradient[k], Layout.Spec.ConductanceMin, G);
            moved += Math.Abs(next - g[k]) / G;
            wanted[k] = next;
        }
        _updateSum += moved / g.Length;
        if (Programming is null)
        {
            Layout.SetConductances(wanted);
            return;
        }
        var (energy, pulses) = Programming.Program(g, wanted);
        _programmingEnergy += energy;
        _pulses += pulses;
        Layout.SetConductances(g, clip: false); // the devices bound their own windows
    }

    private EpEpochReport Report(int samples, IReadOnlyList<EventEnergy> windows)
    {
        var sampleWindows = windows.Where(w => w.Activity == "sample").ToList();
        var perPhase = windows.Where(w => w.Activity != "sample").GroupBy(w => w.Activity)
            .ToDictionary(g => g.Key, g => g.Average(w => w.Delivered));
        var absorbed = sampleWindows.SelectMany(w => w.AbsorbedByCategory).GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value) / sampleWindows.Count);
        return new EpEpochReport(samples, _lossSum / samples, sampleWindows.Average(w => w.Delivered), perPhase, absorbed, _updateSum / samples,
            _programmingEnergy / samples, (double)_pulses / samples);
    }

    /// <summary>Free-phase outputs for an input (inference; outside the event timeline, no energy charged).</summary>
    public double[] Predict(double[] x)
    {
        var d = Network.SolveFree(x);
        _cosim.MarkChanged();
        return d;
    }

    public void Dispose() => _cosim.Dispose();
}
