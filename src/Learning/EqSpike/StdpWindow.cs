namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// The STDP-like window of EqSpike's input→hidden synapses (seed 002 §2.6, Alg. 3 [S L1554–1590], Figs 2.14–2.15):
/// at every input (pre) spike t_pre of the nudge phase and for each hidden neuron it feeds, ΔW = w(t_pre) − w(t_pre − 10)
/// and Δt = t̄_post − (t_pre − N/2), where t̄_post is the mean time of the hidden neuron's spikes in [t_pre − N, t_pre]
/// (Alg. 3 divides the sum by N; the mean over the spikes is the reading that keeps Δt in (−N/2, N/2) [D]).
/// Pairs whose hidden neuron fired below <see cref="MinRate"/> in the free phase are dropped (Fig. 2.14b).
/// ΔW is then averaged in unit bins of Δt. Positive Δt means the post spikes crowd the recent half: an accelerating post.
/// </summary>
public sealed class StdpWindow
{
    private const int Lag = 10;
    private readonly EqSpikeNetwork _net;
    private readonly double[][] _ring = new double[Lag + 1][];
    private readonly List<int>[] _postSpikes;
    private readonly List<int> _pending = [];
    private readonly double[] _sum, _count;

    public StdpWindow(EqSpikeNetwork network, int window = 200, double minRate = 0.025)
    {
        if (window < 2 || window % 2 != 0) throw new ArgumentException($"window must be an even number ≥ 2 of steps (got {window})");
        _net = network;
        Window = window;
        MinRate = minRate;
        for (int k = 0; k <= Lag; k++) _ring[k] = new double[network.Weights[0].Length];
        _postSpikes = Enumerable.Range(0, network.Hidden).Select(_ => new List<int>()).ToArray();
        (_sum, _count) = (new double[window], new double[window]);
        network.OnSpike = Spike;
        network.TickStarted = TickStarted;
    }

    public int Window { get; }
    /// <summary>Free-phase rate (spikes per step) below which a hidden neuron's pairs are dropped; 0.05 T_refract⁻¹ = 0.025.</summary>
    public double MinRate { get; }
    public long Pairs { get; private set; }

    /// <summary>Mean ΔW for Δt in [j, j+1), j = −N/2 … N/2 − 1 (NaN for an empty bin).</summary>
    public (int Dt, double MeanDw, double Count)[] Curve() =>
        Enumerable.Range(0, Window).Select(b => (b - Window / 2, _count[b] > 0 ? _sum[b] / _count[b] : double.NaN, _count[b])).ToArray();

    /// <summary>Mean ΔW over all pairs with Δt in [from, to).</summary>
    public double MeanOver(int from, int to)
    {
        double s = 0, c = 0;
        for (int b = from + Window / 2; b < to + Window / 2; b++) { s += _sum[b]; c += _count[b]; }
        return c > 0 ? s / c : double.NaN;
    }

    private void Spike(int neuron, int step)
    {
        if (step == 0) foreach (var l in _postSpikes) l.Clear();   // a new sample
        int h = neuron - _net.Inputs;
        if (h >= 0 && h < _net.Hidden) _postSpikes[h].Add(step);
        else if (neuron < _net.Inputs && step >= _net.FreeSteps) _pending.Add(neuron | step << 16);
    }

    private void TickStarted(int step, bool nudging)
    {
        if (step == 0)
        {
            foreach (var l in _postSpikes) l.Clear();
            _pending.Clear();
        }
        var w = _net.Weights[0];
        int stride = _net.Inputs + 1;
        foreach (int packed in _pending)
        {
            int pre = packed & 0xFFFF, tPre = packed >> 16;
            if (tPre - Lag < 0) continue;
            var old = _ring[(tPre - Lag) % (Lag + 1)];
            for (int h = 0; h < _net.Hidden; h++)
            {
                var spikes = _postSpikes[h];
                if (spikes.Count(t => t < _net.FreeSteps) < MinRate * _net.FreeSteps) continue;
                double sum = 0;
                int n = 0;
                foreach (int t in spikes)
                    if (t >= tPre - Window && t <= tPre) { sum += t; n++; }
                if (n == 0) continue;
                double dt = sum / n - (tPre - Window / 2.0);
                int bin = (int)Math.Floor(dt) + Window / 2;
                if (bin < 0 || bin >= Window) continue;
                int k = h * stride + pre;
                _sum[bin] += w[k] - old[k];
                _count[bin]++;
                Pairs++;
            }
        }
        _pending.Clear();
        // The weights after step − 1.
        if (step > 0) Array.Copy(w, _ring[(step - 1) % (Lag + 1)], w.Length);
    }
}
