using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Learning.Vdsp;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Learning.Stdp;

/// <summary>
/// Nearest-neighbour pair STDP as event handlers: a post spike potentiates each synapse from its presynaptic
/// unit's latest spike, a pre spike depresses each synapse from its postsynaptic neuron's latest spike.
/// Both kinds of spikes program synapses, unlike VDSP, which only acts on post spikes.
/// </summary>
public sealed class PairStdpPlasticity : ISpikePlasticity
{
    private readonly ISynapticWeights _weights;
    private readonly double[] _lastPre;
    private readonly double[] _lastPost;
    private readonly int _preSource;

    /// <param name="preSpike">event type of presynaptic spikes; only those with Source = <paramref name="preSourceId"/> count</param>
    public PairStdpPlasticity(EventScheduler scheduler, EventTypeId preSpike, int preSourceId, EventTypeId postSpike,
                              ISynapticWeights weights, PairStdpParameters parameters)
    {
        parameters.Validate();
        Parameters = parameters;
        _weights = weights;
        _preSource = preSourceId;
        _lastPre = new double[weights.PreCount];
        _lastPost = new double[weights.PostCount];
        Array.Fill(_lastPre, double.NegativeInfinity);
        Array.Fill(_lastPost, double.NegativeInfinity);
        if (parameters.NormalizeMean > 0)
        {
            for (int post = 0; post < _lastPost.Length; post++) Normalize(post);
            NormalizationWrites = 0; // the initial scaling is part of the initial programming, not of learning
        }
        scheduler.On(preSpike, (in SimEvent e) => { if (Enabled && e.Source == _preSource) OnPreSpike(e.IntPayload, e.Time); });
        scheduler.On(postSpike, (in SimEvent e) => { if (Enabled) OnPostSpike(e.IntPayload, e.Time); });
    }

    public string Name => "stdp";
    public PairStdpParameters Parameters { get; }
    public UpdateLedger Ledger { get; } = new();
    public bool Enabled { get; set; } = true;
    /// <summary>Synapses rewritten by the normalisation (not counted as STDP updates in the ledger).</summary>
    public long NormalizationWrites { get; private set; }

    public void OnPostSpike(int post, double time)
    {
        _lastPost[post] = time;
        bool any = false;
        for (int pre = 0; pre < _lastPre.Length; pre++)
            any |= Apply(pre, post, Parameters.PostSpikeDelta(_weights.Get(pre, post), time - _lastPre[pre]));
        if (any) Ledger.PostTrigger();
        if (Parameters.NormalizeMean > 0) Normalize(post);
    }

    /// <summary>Scales column <paramref name="post"/> to the target mean weight, clipped to [0, 1].</summary>
    private void Normalize(int post)
    {
        double sum = 0;
        for (int pre = 0; pre < _lastPre.Length; pre++) sum += _weights.Get(pre, post);
        if (sum <= 0) return;
        double scale = Parameters.NormalizeMean * _lastPre.Length / sum;
        if (scale == 1) return;
        for (int pre = 0; pre < _lastPre.Length; pre++)
        {
            double w = _weights.Get(pre, post);
            double scaled = Math.Min(1, w * scale);
            if (scaled == w) continue;
            _weights.Set(pre, post, scaled);
            NormalizationWrites++;
        }
    }

    public void OnPreSpike(int pre, double time)
    {
        _lastPre[pre] = time;
        bool any = false;
        for (int post = 0; post < _lastPost.Length; post++)
            any |= ApplyPair(pre, post, _lastPost[post] - time);
        if (any) Ledger.PreTrigger();
    }

    /// <summary>Forgets spike history (between phases: a new presentation schedule starts).</summary>
    public void ClearHistory()
    {
        Array.Fill(_lastPre, double.NegativeInfinity);
        Array.Fill(_lastPost, double.NegativeInfinity);
    }

    private bool ApplyPair(int pre, int post, double dtPostMinusPre) =>
        !double.IsNaN(dtPostMinusPre) && !double.IsInfinity(dtPostMinusPre)
        && Apply(pre, post, Parameters.Delta(_weights.Get(pre, post), dtPostMinusPre));

    private bool Apply(int pre, int post, double delta)
    {
        double w = _weights.Get(pre, post);
        if (delta == 0 || double.IsNaN(delta)) return false;
        Ledger.Record(delta, 0);
        _weights.Set(pre, post, Math.Clamp(w + delta, 0, 1));
        return true;
    }

    public void SaveState(BinaryWriter writer)
    {
        Ledger.SaveState(writer);
        writer.Write(NormalizationWrites);
        foreach (double t in _lastPre) writer.Write(t);
        foreach (double t in _lastPost) writer.Write(t);
    }

    public void RestoreState(BinaryReader reader)
    {
        Ledger.RestoreState(reader);
        NormalizationWrites = reader.ReadInt64();
        for (int i = 0; i < _lastPre.Length; i++) _lastPre[i] = reader.ReadDouble();
        for (int j = 0; j < _lastPost.Length; j++) _lastPost[j] = reader.ReadDouble();
    }
}
