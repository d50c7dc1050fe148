using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// The fast path of <see cref="ResistiveEpTrainer"/>: the same phases as PhaseChange events (free, +β, −β
/// when centered, update), each equilibrium solved by <see cref="LayeredEquilibrium"/> instead of the
/// circuit's MNA system, energy per phase = absorbed power × phase duration (what the quasi-static energy
/// windows measure), and the update Δg = −η·G²·∂L/∂g written through an <see cref="EpDeviceArray"/> or as pulses
/// (<see cref="PulseProgramming"/>, the same implementation the MNA trainer calls).
/// Nothing is allocated per sample. The tests check that its voltages, updates and energies equal the MNA
/// trainer's.
/// </summary>
public sealed class LayeredEpTrainer : ICheckpointable
{
    private static readonly string[] PhaseNames = ["free", "nudge+", "nudge−"];

    private readonly EventScheduler _scheduler;
    private readonly EventTypeId _phaseChange;
    private readonly double[] _free, _plus, _gradient, _wanted, _freeOutputs, _outputs, _currents;
    private readonly double[] _phaseEnergy = new double[3];
    private readonly double[] _absorbed = new double[3]; // resistors, diodes, amplifiers
    private IReadOnlyList<(double[] X, double[] Y)> _samples = [];
    private double _lossSum, _movedSum, _programmingEnergy;
    private long _pulses;
    private int _errors;

    /// <param name="conductances">Initial conductances in the layout's weight order (clipped into the devices' windows); the trainer owns and updates the array.</param>
    public LayeredEpTrainer(ResistiveEpSpec spec, EpTrainingOptions options, double[] conductances, SimulationOptions? circuitOptions = null,
        EpDeviceArray? devices = null, EventScheduler? scheduler = null, PulseProgramming? programming = null)
    {
        Options = options;
        programming?.RequireWindow(spec);
        if (programming is not null && devices is { IsIdeal: false })
            throw new ArgumentException("pulse programming writes through its device model; give the variability to it (ThresholdDeviceArray), not as an EpDeviceArray");
        Programming = programming;
        Conductances = conductances;
        Devices = devices ?? EpDeviceArray.Ideal(spec);
        Devices.Clip(conductances);
        programming?.Clip(conductances);
        Equilibrium = new LayeredEquilibrium(spec, circuitOptions ?? new SimulationOptions(), conductances);
        int n = Equilibrium.Unknowns;
        _free = new double[n];
        _plus = new double[n];
        _gradient = new double[conductances.Length];
        _wanted = programming is null ? [] : new double[conductances.Length];
        _freeOutputs = new double[spec.Outputs];
        _outputs = new double[spec.Outputs];
        _currents = new double[spec.Outputs];
        _scheduler = scheduler ?? new EventScheduler();
        _phaseChange = _scheduler.TypeOf(StandardEventTypes.PhaseChange);
        _scheduler.On(_phaseChange, OnPhaseChange);
    }

    public EpTrainingOptions Options { get; }
    /// <summary>Factor on <see cref="EpTrainingOptions.LearningRate"/> (a schedule set between epochs; 1 by default).</summary>
    public double LearningRateFactor { get; set; } = 1;
    public double[] Conductances { get; }
    public EpDeviceArray Devices { get; }
    /// <summary>Writes the updates as pulses through a device model; null: numbers through <see cref="Devices"/>.</summary>
    public PulseProgramming? Programming { get; }
    public LayeredEquilibrium Equilibrium { get; }
    public EventScheduler Scheduler => _scheduler;
    private ResistiveEpSpec Spec => Equilibrium.Spec;
    private int PhasesPerSample => EpPhases.PerSample(Options.Centered);

    /// <summary>Runs one epoch over <paramref name="samples"/> in the given order (shuffle outside, with RandomStreams).</summary>
    public EpEpochReport TrainEpoch(IReadOnlyList<(double[] X, double[] Y)> samples)
    {
        _samples = samples;
        _lossSum = _movedSum = _programmingEnergy = 0;
        _errors = 0;
        _pulses = 0;
        Array.Clear(_phaseEnergy);
        Array.Clear(_absorbed);
        double t0 = _scheduler.Now;
        // One sample's events at a time: the queue stays small at MNIST size.
        for (int s = 0; s < samples.Count; s++)
            _scheduler.RunUntil(EpPhases.ScheduleSample(_scheduler, _phaseChange, t0, Options.PhaseDuration, s, Options.Centered));
        return Report(samples.Count);
    }

    private void OnPhaseChange(in SimEvent e)
    {
        var (x, y) = _samples[e.Target];
        var eq = Equilibrium;
        switch ((EpPhase)e.IntPayload)
        {
            case EpPhase.Free:
                eq.Prepare(x);
                eq.SetNudge([]);
                Settle(0);
                eq.Solution.CopyTo(_free);
                eq.Outputs(_freeOutputs);
                _lossSum += ResistiveEpNetwork.Loss(_freeOutputs, y);
                if (ArgMax(_freeOutputs) != ArgMax(y)) _errors++;
                break;
            case EpPhase.NudgePlus:
                Nudge(Options.Beta, y);
                Settle(1);
                eq.Solution.CopyTo(_plus);
                break;
            case EpPhase.NudgeMinus:
                Nudge(-Options.Beta, y);
                Settle(2);
                break;
            case EpPhase.Update:
                // Centered: (+β, −β) over 4β; one-sided: (+β, free) over 2β. The solution holds the last phase.
                if (Options.Centered) eq.Gradient(_plus, eq.Solution, 4 * Options.Beta, _gradient);
                else eq.Gradient(_plus, _free, 2 * Options.Beta, _gradient);
                Write();
                eq.SetNudge([]);
                break;
        }
    }

    /// <summary>Δg = −η·(layer factor)·G²·∂L/∂g through the devices, one weight layer at a time.</summary>
    private void Write()
    {
        double G = Spec.ConductanceMax, scale = -Options.LearningRate * LearningRateFactor * G * G, moved = 0;
        var eq = Equilibrium;
        for (int l = 0; l < eq.WeightLayers; l++)
        {
            int first = eq.WeightOffset(l), count = eq.WeightOffset(l + 1) - first;
            var g = Conductances.AsSpan(first, count);
            var gradient = _gradient.AsSpan(first, count);
            if (Programming is null)
            {
                moved += Devices.Write(g, gradient, scale * Options.LayerRate(l), first);
                continue;
            }
            // Pulses: the clipped wanted conductances (as the MNA trainer computes them), then the pulses toward them.
            var wanted = _wanted.AsSpan(first, count);
            g.CopyTo(wanted);
            moved += VectorKernels.AddScaledClamped(wanted, gradient, scale * Options.LayerRate(l), Spec.ConductanceMin, Spec.ConductanceMax);
            var (energy, pulses) = Programming.Program(g, wanted, first);
            _programmingEnergy += energy;
            _pulses += pulses;
        }
        _movedSum += moved / (G * Conductances.Length);
    }

    private void Nudge(double beta, double[] y)
    {
        for (int c = 0; c < y.Length; c++) _currents[c] = beta * (y[c] - _freeOutputs[c]);
        Equilibrium.SetNudge(_currents);
    }

    /// <summary>Solves the phase's equilibrium and charges its energy, held for one phase duration.</summary>
    private void Settle(int phase)
    {
        Equilibrium.Solve();
        var p = Equilibrium.Power();
        double T = Options.PhaseDuration;
        _phaseEnergy[phase] += p.Delivered * T;
        _absorbed[0] += p.Resistors * T;
        _absorbed[1] += p.Diodes * T;
        _absorbed[2] += p.Amplifiers * T;
    }

    private EpEpochReport Report(int samples)
    {
        var perPhase = new Dictionary<string, double>();
        for (int k = 0; k < PhasesPerSample; k++) perPhase[PhaseNames[k]] = _phaseEnergy[k] / samples;
        double delivered = _phaseEnergy.Sum() / samples;
        var absorbed = new SortedDictionary<string, double>
        {
            ["resistor"] = _absorbed[0] / samples,
            ["controlled-source"] = _absorbed[2] / samples,
            ["source"] = -delivered,
        };
        if (Spec.DiodeClamps) absorbed["diode"] = _absorbed[1] / samples;
        return new EpEpochReport(samples, _lossSum / samples, delivered, perPhase, absorbed, _movedSum / samples,
            _programmingEnergy / samples, (double)_pulses / samples)
        {
            OnlineError = (double)_errors / samples,
        };
    }

    /// <summary>Index of the largest entry (the predicted class of doubled outputs, or the class of a one-hot target).</summary>
    public static int ArgMax(ReadOnlySpan<double> d)
    {
        int best = 0;
        for (int c = 1; c < d.Length; c++) if (d[c] > d[best]) best = c;
        return best;
    }

    /// <summary>Free-phase outputs for an input (inference; outside the event timeline, no energy charged).</summary>
    public void Predict(ReadOnlySpan<double> x, Span<double> outputs)
    {
        Equilibrium.Prepare(x);
        Equilibrium.SetNudge([]);
        Equilibrium.Solve();
        Equilibrium.Outputs(outputs);
    }

    public double[] Predict(double[] x)
    {
        var d = new double[Spec.Outputs];
        Predict(x, d);
        return d;
    }

    /// <summary>Conductances, the last equilibrium (the next Newton start), the devices' write noise (numbers or pulses) and the event clock.</summary>
    public void SaveState(BinaryWriter writer)
    {
        writer.Write(Conductances.Length);
        foreach (double g in Conductances) writer.Write(g);
        writer.Write(Equilibrium.Unknowns);
        foreach (double v in Equilibrium.Solution) writer.Write(v);
        Devices.SaveState(writer);
        Programming?.SaveState(writer);
        _scheduler.SaveState(writer);
    }

    public void RestoreState(BinaryReader reader)
    {
        if (reader.ReadInt32() != Conductances.Length) throw new InvalidDataException("checkpoint holds another number of conductances");
        for (int k = 0; k < Conductances.Length; k++) Conductances[k] = reader.ReadDouble();
        if (reader.ReadInt32() != Equilibrium.Unknowns) throw new InvalidDataException("checkpoint holds another number of nodes");
        for (int k = 0; k < Equilibrium.Unknowns; k++) Equilibrium.Solution[k] = reader.ReadDouble();
        Devices.RestoreState(reader);
        Programming?.RestoreState(reader);
        _scheduler.RestoreState(reader);
    }
}
