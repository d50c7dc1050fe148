using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Neurons.Lif;
using CircuitNeuro.Neurons.Network;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// Input LIF population (exact event-driven, from the Neurons layer) → weights → WTA output layer, all on one
/// event scheduler. Input spikes are kernel Spike events at their exact threshold-crossing times; the output layer
/// is a step event every dt (its WTA is defined per step) that emits a "WtaSpike" event for the winner; learning
/// rules are handlers of those events. Between events the input potentials have closed forms, so VDSP reads
/// V_pre at the post spike time exactly (LifDynamics) instead of a stepped approximation.
/// </summary>
public sealed class VdspNetwork : ICheckpointable
{
    public const string StepEventName = "VdspStep";
    public const string OutputSpikeEventName = "WtaSpike";
    private const int StepPriority = 15;          // after input spikes at the same instant (priority 10)
    private const int OutputSpikePriority = 30;   // after the step that produced it

    private readonly SpikingNetwork _network;
    private readonly double[] _row;
    private readonly int[] _spikeCounts;
    private readonly double _forwardOffset, _forwardScale;
    private readonly double[]? _synapseOffset, _synapseScale;
    private long _nextStep = 1;

    /// <param name="plasticity">attaches the learning rule's handlers to this network (null: no learning)</param>
    /// <param name="forwardWeight">forward-pass weight of state w (linear; the device variants map w to G/G_max)</param>
    /// <param name="shadow">a second rule that only counts: it sees the same spikes but writes to its own weight copy</param>
    /// <param name="synapseForward">per-synapse forward map offset + scale·w (index pre·outputs + post; device variability), replaces <paramref name="forwardWeight"/></param>
    public VdspNetwork(VdspNetworkOptions options, int inputCount, ulong seed,
                       Func<VdspNetwork, ISpikePlasticity>? plasticity = null, Func<double, double>? forwardWeight = null,
                       Func<VdspNetwork, ISpikePlasticity>? shadow = null, (double[] Offset, double[] Scale)? synapseForward = null)
    {
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputCount);
        Options = options;
        Scheduler = new EventScheduler();
        Streams = new RandomStreams(seed);
        _network = new SpikingNetwork(Scheduler, Streams);
        StepEvent = Scheduler.TypeOf(StepEventName);
        OutputSpikeEvent = Scheduler.TypeOf(OutputSpikeEventName);
        Inputs = _network.AddPopulation("input", inputCount, new LifParameters
        {
            TauMembrane = options.InputTau, RestingPotential = 0, Resistance = 1,
            Threshold = options.InputThreshold, ResetPotential = options.InputReset, RefractoryPeriod = options.InputRefractory,
        });
        Output = new WtaOutputLayer(options.Outputs, options.Output, options.Dt);
        Weights = new DenseSynapticWeights(inputCount, options.Outputs);
        var init = Streams.Get("weights");
        for (int i = 0; i < inputCount; i++)
            for (int j = 0; j < options.Outputs; j++) Weights.Set(i, j, init.Uniform(0, options.InitialWeightMax));
        var potentials = Streams.Get("input-potential");
        for (int i = 0; i < inputCount; i++) Inputs.SetPotential(i, potentials.NextDouble()); // Nengo's U(0, 1) start
        var f = forwardWeight ?? (w => w);
        _forwardOffset = f(0);
        _forwardScale = f(1) - f(0);
        if (synapseForward is var (offset, scale))
        {
            if (offset.Length != inputCount * options.Outputs || scale.Length != offset.Length) throw new ArgumentException("per-synapse forward map does not match the network size");
            (_synapseOffset, _synapseScale) = (offset, scale);
        }
        _row = new double[options.Outputs];
        _spikeCounts = new int[options.Outputs];
        Scheduler.On(_network.Types.Spike, OnInputSpike);
        Scheduler.On(StepEvent, OnStep);
        Plasticity = plasticity?.Invoke(this);
        Shadow = shadow?.Invoke(this);
        Scheduler.Schedule(_nextStep * options.Dt, StepEvent, priority: StepPriority);
    }

    public VdspNetworkOptions Options { get; }
    public EventScheduler Scheduler { get; }
    public RandomStreams Streams { get; }
    public EventTypeId StepEvent { get; }
    public EventTypeId OutputSpikeEvent { get; }
    public EventTypeId InputSpikeEvent => _network.Types.Spike;
    public LifPopulation Inputs { get; }
    public WtaOutputLayer Output { get; }
    public DenseSynapticWeights Weights { get; }
    public ISpikePlasticity? Plasticity { get; }
    public ISpikePlasticity? Shadow { get; }
    public long InputSpikes { get; private set; }
    public long OutputSpikes { get; private set; }

    /// <summary>V of input neuron i at time t (exact closed form; no side effects).</summary>
    public double InputPotential(int i, double time) => Inputs.PotentialAt(i, time);

    /// <summary>Multiplies the input drive (1 while training; <see cref="VdspNetworkOptions.EvaluationDriveScale"/> when evaluating).</summary>
    public double DriveScale { get; set; } = 1;

    public bool Learning
    {
        get => Plasticity?.Enabled ?? false;
        set
        {
            if (Plasticity is not null) Plasticity.Enabled = value;
            if (Shadow is not null) Shadow.Enabled = value;
        }
    }

    /// <summary>
    /// Presents one image (pixels in [0, 1]) for the presentation time from now: input currents J = gain·x + bias.
    /// Returns the output spike counts of that presentation (a view valid until the next call).
    /// </summary>
    public ReadOnlySpan<int> Present(ReadOnlySpan<double> pixels)
    {
        if (pixels.Length != Inputs.Size) throw new ArgumentException($"image has {pixels.Length} pixels, the network {Inputs.Size} inputs");
        Array.Clear(_spikeCounts);
        for (int i = 0; i < pixels.Length; i++) Inputs.SetInputCurrent(i, Options.InputGain * pixels[i] + Options.InputBias);
        long endStep = _nextStep - 1 + Options.StepsPerImage();
        Scheduler.RunUntil(endStep * Options.Dt);
        return _spikeCounts;
    }

    /// <summary>Output layer back to rest (Nengo builds a fresh network for labelling and testing).</summary>
    public void ResetOutputs() => Output.Reset();

    private void OnInputSpike(in SimEvent e)
    {
        if (e.Source != Inputs.Id) return;
        InputSpikes++;
        Weights.ReadRow(e.IntPayload, _row);
        var drive = Output.DriveBuffer;
        double amplitude = Options.Output.SpikeAmplitude * DriveScale;
        if (_synapseOffset is not null)
        {
            int b = e.IntPayload * _row.Length;
            for (int j = 0; j < _row.Length; j++) drive[j] += (_synapseOffset[b + j] + _synapseScale![b + j] * _row[j]) * amplitude;
            return;
        }
        for (int j = 0; j < _row.Length; j++) drive[j] += (_forwardOffset + _forwardScale * _row[j]) * amplitude;
    }

    private void OnStep(in SimEvent e)
    {
        int winner = Output.Step();
        if (winner >= 0)
        {
            _spikeCounts[winner]++;
            OutputSpikes++;
            Scheduler.Schedule(e.Time + Options.LearningEventDelay, OutputSpikeEvent, intPayload: winner, priority: OutputSpikePriority);
        }
        _nextStep++;
        Scheduler.Schedule(_nextStep * Options.Dt, StepEvent, priority: StepPriority);
    }

    public void SaveState(BinaryWriter w)
    {
        Scheduler.SaveState(w);
        Streams.SaveState(w);
        _network.SaveState(w);
        Output.SaveState(w);
        Weights.SaveState(w);
        foreach (var rule in new[] { Plasticity, Shadow })
        {
            w.Write(rule is not null);
            rule?.SaveState(w);
        }
        w.Write(_nextStep); w.Write(InputSpikes); w.Write(OutputSpikes);
    }

    public void RestoreState(BinaryReader r)
    {
        Scheduler.RestoreState(r);
        Streams.RestoreState(r);
        _network.RestoreState(r);
        Output.RestoreState(r);
        Weights.RestoreState(r);
        foreach (var rule in new[] { Plasticity, Shadow })
        {
            if (r.ReadBoolean() != rule is not null) throw new InvalidDataException("checkpoint and network disagree on which learning rules are attached");
            rule?.RestoreState(r);
        }
        _nextStep = r.ReadInt64(); InputSpikes = r.ReadInt64(); OutputSpikes = r.ReadInt64();
    }
}
