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
        scheduler.On(preSpike, (in SimEvent e) => { if (Enabled && e.Source == _preSource) OnPreSpike(e.IntPayload, e.Time); });
        scheduler.On(postSpike, (in SimEvent e) => { if (Enabled) OnPostSpike(e.IntPayload, e.Time); });
    }

    public string Name => "stdp";
    public PairStdpParameters Parameters { get; }
    public UpdateLedger Ledger { get; } = new();
    public bool Enabled { get; set; } = true;

    public void OnPostSpike(int post, double time)
    {
        _lastPost[post] = time;
        bool any = false;
        for (int pre = 0; pre < _lastPre.Length; pre++)
            any |= Apply(pre, post, time - _lastPre[pre]);
        if (any) Ledger.PostTrigger();
    }

    public void OnPreSpike(int pre, double time)
    {
        _lastPre[pre] = time;
        bool any = false;
        for (int post = 0; post < _lastPost.Length; post++)
            any |= Apply(pre, post, _lastPost[post] - time);
        if (any) Ledger.PreTrigger();
    }

    /// <summary>Forgets spike history (between phases: a new presentation schedule starts).</summary>
    public void ClearHistory()
    {
        Array.Fill(_lastPre, double.NegativeInfinity);
        Array.Fill(_lastPost, double.NegativeInfinity);
    }

    private bool Apply(int pre, int post, double dtPostMinusPre)
    {
        if (double.IsNaN(dtPostMinusPre) || double.IsInfinity(dtPostMinusPre)) return false;
        double w = _weights.Get(pre, post);
        double delta = Parameters.Delta(w, dtPostMinusPre);
        if (delta == 0) return false;
        Ledger.Record(delta, 0);
        _weights.Set(pre, post, Math.Clamp(w + delta, 0, 1));
        return true;
    }

    public void SaveState(BinaryWriter writer)
    {
        Ledger.SaveState(writer);
        foreach (double t in _lastPre) writer.Write(t);
        foreach (double t in _lastPost) writer.Write(t);
    }

    public void RestoreState(BinaryReader reader)
    {
        Ledger.RestoreState(reader);
        for (int i = 0; i < _lastPre.Length; i++) _lastPre[i] = reader.ReadDouble();
        for (int j = 0; j < _lastPost.Length; j++) _lastPost[j] = reader.ReadDouble();
    }
}
