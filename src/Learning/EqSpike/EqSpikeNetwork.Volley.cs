using System.Numerics;
using System.Runtime.InteropServices;
using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// The fast path of a step's spikes: one Volley event per population that spiked (inputs, hidden, outputs, bias, in this
/// order) whose two handlers deliver the volley and then apply the rule, instead of one Spike event per spike. It does
/// exactly the per-spike path's floating-point operations in the same order, so it is bit-identical to it (test
/// VolleyIdentityTests): within a population the deliveries read weights its own learning does not write (input n's
/// column n, hidden h's column h of W1, output o's row o of W1 are each written by that neuron alone), and each synapse is
/// written at most once per population, so "deliver all, then learn all" per population equals the per-spike interleaving;
/// a sum over a population's spikes keeps the ascending id order. Ideal synapses keep W0's stimulated columns input-major
/// during a sample; device synapses (memristive, A-EqSpike synch) get one <see cref="ISynapseWriter.WriteRun"/> per spike
/// in the per-spike order, so the devices, the write-noise draws and the energy sum follow it exactly; so do the
/// desynchronised A-EqSpike variants' pulses (a colliding pair is written once, by its lower id, whose population comes
/// first). The OnSpike/AfterWrite/TickStarted probes take the Spike events (a TickStarted probe may read Weights,
/// which with ideal synapses hold the stimulated inputs' rows only at the sample's end).
/// </summary>
public sealed partial class EqSpikeNetwork
{
    private const int BiasPopulation = 3;
    private readonly int[][] _fired;          // per population: local ids that spiked this step, ascending
    private readonly int[] _firedCount = new int[4];
    private readonly int[] _programmed;       // the volley's spikes followed by a programming pulse (sparse programming)
    private readonly double[] _requestIn, _requestHid, _requestOut;   // η_lr·ρ̄ of every neuron of a population, this step
    private readonly int[] _populationStart;   // global id of each population's first neuron
    private double[]? _w0ByInput;              // W0's columns of the stimulated inputs, input-major [row * hidden + h], during a volley sample
    private readonly int[] _stimulated;        // inputs with a non-zero current this sample, ascending (the rows of _w0ByInput)
    private int _stimulatedCount;
    private readonly int[] _rowOfInput;        // input → its row in _w0ByInput (−1: no current, never spikes)
    private readonly bool[] _hiddenLearned;    // hidden neurons whose rule wrote their W0 row this sample
    private bool _volleys;                     // this sample runs on the volley path
    private bool _inputMajor;                  // ... and holds W0's stimulated columns input-major (ideal synapses)
    private readonly NumericSynapseWriter? _numeric;   // ideal synapses: the volley path writes their weights itself

    /// <summary>Forces one Spike event per spike (the reference path) where the Volley path would apply.</summary>
    public bool PerSpikeEvents { get; set; }

    /// <summary>Whether the last (or present) sample ran on the volley path.</summary>
    public bool LastSampleOnVolleys => _volleys;

    private bool UsesVolleys => !PerSpikeEvents && AfterWrite is null && OnSpike is null && TickStarted is null;

    private int Population(int neuron) => neuron < _nIn ? 0 : neuron < _nIn + _nHid ? 1 : neuron < _bias ? 2 : BiasPopulation;

    private void ScheduleVolleys(double time, int step)
    {
        for (int l = 0; l <= BiasPopulation; l++)
            if (_firedCount[l] > 0) _scheduler.Schedule(time, _volley, target: l, intPayload: step, priority: 1);
    }

    private void DeliverVolley(in SimEvent ev)
    {
        int l = ev.Target;
        SampleSpikes += _firedCount[l];
        DeliverFrom(l, _fired[l].AsSpan(0, _firedCount[l]));
    }

    /// <summary>Adds the weights of the spiking neurons <paramref name="ids"/> (local, ascending) of a population to their targets' input.</summary>
    private void DeliverFrom(int population, ReadOnlySpan<int> ids)
    {
        double[] w0 = Weights[0], w1 = Weights[1];
        int s0 = _nIn + 1, s1 = _nHid + 1;
        switch (population)
        {
            case 0 when _inputMajor:
                SumRows(_hiddenIn, _w0ByInput!, ids, _rowOfInput);
                break;
            case 0:
                for (int h = 0; h < _nHid; h++) _hiddenIn[h] = SumOver(w0.AsSpan(h * s0, _nIn), ids, _hiddenIn[h]);
                break;
            case 1:
                for (int o = 0; o < _nOut; o++) _outputIn[o] = SumOver(w1.AsSpan(o * s1, _nHid), ids, _outputIn[o]);
                break;
            case 2:
                for (int h = 0; h < _nHid; h++)
                {
                    double sum = _hiddenIn[h];
                    foreach (int o in ids) sum += w1[o * s1 + h];
                    _hiddenIn[h] = sum;
                }
                break;
            default:
                for (int h = 0; h < _nHid; h++) _hiddenIn[h] += w0[h * s0 + _nIn];
                for (int o = 0; o < _nOut; o++) _outputIn[o] += w1[o * s1 + _nHid];
                break;
        }
    }

    /// <summary>
    /// Volley path: through a sample the input→hidden weights of the stimulated inputs live input-major, where an input
    /// spike's delivery and writes are one contiguous row (most spikes are input spikes); the rarer hidden spikes write a
    /// strided column. An input without current never spikes, so its ρ̄ stays +0 and its synapses only get the hidden
    /// rule's request η_lr·(+0) = ±0, which leaves every weight as it is except −0 + (+0) = +0 (applied in
    /// <see cref="EndSample"/>). <see cref="Weights"/>[0] gets the rows back when the sample ends.
    /// </summary>
    private void BeginSample()
    {
        _volleys = UsesVolleys;
        _inputMajor = _volleys && _numeric is not null;
        if (!_inputMajor) return;
        int count = 0;
        for (int i = 0; i < _nIn; i++)
        {
            bool stimulated = _inputCurrent[i] != 0;
            _rowOfInput[i] = stimulated ? count : -1;
            if (stimulated) _stimulated[count++] = i;
        }
        _stimulatedCount = count;
        Array.Clear(_hiddenLearned);
        var t = _w0ByInput ??= new double[_nIn * _nHid];
        double[] w0 = Weights[0];
        int s0 = _nIn + 1;
        for (int h = 0; h < _nHid; h++)
            for (int r = 0; r < count; r++) t[r * _nHid + h] = w0[h * s0 + _stimulated[r]];
    }

    private void EndSample()
    {
        if (!_inputMajor) return;
        double[] t = _w0ByInput!, w0 = Weights[0];
        int s0 = _nIn + 1;
        bool positiveZero = !double.IsNegative(_signedRate);   // the unstimulated inputs' request η_lr·(+0) is +0
        for (int h = 0; h < _nHid; h++)
        {
            for (int r = 0; r < _stimulatedCount; r++) w0[h * s0 + _stimulated[r]] = t[r * _nHid + h];
            if (positiveZero && _hiddenLearned[h]) ClearNegativeZeros(w0.AsSpan(h * s0, _nIn));
        }
    }

    /// <summary>−0 → +0 in the unstimulated inputs' synapses of a row (what their W += +0 did); −0 never occurs in practice.</summary>
    private void ClearNegativeZeros(Span<double> row)
    {
        var bits = System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(row);
        if (!bits.Contains(long.MinValue)) return;
        for (int i = 0; i < row.Length; i++)
            if (_rowOfInput[i] < 0 && bits[i] == long.MinValue) row[i] = 0;
    }

    private static double SumOver(ReadOnlySpan<double> row, ReadOnlySpan<int> ids, double sum)
    {
        foreach (int i in ids) sum += row[i];
        return sum;
    }

    /// <summary>Alg. 2 for a whole volley, ideal synapses: the per-spike <see cref="Learn"/> with the requests of a step computed once.</summary>
    private void LearnVolley(in SimEvent ev)
    {
        if (!_nudging || !_learning) return;
        int l = ev.Target, start = _populationStart[l];
        var ids = _fired[l].AsSpan(0, _firedCount[l]);
        if (_desynch is not null)
        {
            foreach (int i in ids) LearnDesynch(start + i, ev.IntPayload);
            return;
        }
        if (_sparse.Mode != SparseMode.Every)
        {
            int kept = 0;
            foreach (int i in ids)
                if (Programs(start + i)) _programmed[kept++] = i;   // the draws in the per-spike order
            ids = _programmed.AsSpan(0, kept);
        }
        if (ids.IsEmpty) return;
        if (!_inputMajor)
        {
            LearnRuns(l, ids);
            return;
        }
        double[] w0 = Weights[0], w1 = Weights[1];
        int s0 = _nIn + 1, s1 = _nHid + 1;
        double lr = _signedRate;
        long writes;
        switch (l)
        {
            case 0:
                _estimators[1].ScaledValues(lr, _requestHid.AsSpan(0, _nHid));
                foreach (int n in ids) AddInPlace(_w0ByInput.AsSpan(_rowOfInput[n] * _nHid, _nHid), _requestHid);
                writes = (long)ids.Length * _nHid;
                break;
            case 1:
                _estimators[0].ScaledValues(lr, _requestIn.AsSpan(0, _nIn));
                _estimators[2].ScaledValues(lr, _requestOut.AsSpan(0, _nOut));
                for (int r = 0; r < _stimulatedCount; r++)
                {
                    var row = _w0ByInput.AsSpan(r * _nHid, _nHid);
                    double request = _requestIn[_stimulated[r]];
                    foreach (int h in ids) row[h] = Bound(row[h] + request);
                }
                foreach (int h in ids)
                {
                    _hiddenLearned[h] = true;
                    w0[h * s0 + _nIn] = Bound(w0[h * s0 + _nIn] + 0); // the bias has a constant rate: its ρ̄ is 0
                    for (int o = 0; o < _nOut; o++) w1[o * s1 + h] = Bound(w1[o * s1 + h] + _requestOut[o]);
                }
                writes = (long)ids.Length * (_nIn + 1 + _nOut);
                break;
            case 2:
                _estimators[1].ScaledValues(lr, _requestHid.AsSpan(0, _nHid));
                foreach (int o in ids)
                {
                    AddInPlace(w1.AsSpan(o * s1, _nHid), _requestHid);
                    w1[o * s1 + _nHid] = Bound(w1[o * s1 + _nHid] + 0);
                }
                writes = (long)ids.Length * (_nHid + 1);
                break;
            default:
                // Eq. 2.14: the bias learns f_max·ρ̇ — once per bias spike, i.e. at f_max.
                _estimators[1].ScaledValues(lr, _requestHid.AsSpan(0, _nHid));
                _estimators[2].ScaledValues(lr, _requestOut.AsSpan(0, _nOut));
                for (int h = 0; h < _nHid; h++) w0[h * s0 + _nIn] = Bound(w0[h * s0 + _nIn] + _requestHid[h]);
                for (int o = 0; o < _nOut; o++) w1[o * s1 + _nHid] = Bound(w1[o * s1 + _nHid] + _requestOut[o]);
                writes = _nHid + _nOut;
                break;
        }
        _numeric!.CountWrites(writes);
    }

    /// <summary>
    /// Alg. 2 for a whole volley through the writer (device synapses): each spike's synapses as runs of
    /// <see cref="ISynapseWriter.WriteRun"/> in the per-spike order (<see cref="Learn"/>), the requests of the step computed
    /// once. The request arrays end with a +0: the bias's ρ̄ (constant rate).
    /// </summary>
    private void LearnRuns(int population, ReadOnlySpan<int> ids)
    {
        int s0 = _nIn + 1, s1 = _nHid + 1;
        double lr = _signedRate;
        if (population != 0 && population != 2) _estimators[2].ScaledValues(lr, _requestOut.AsSpan(0, _nOut));
        if (population != 1) _estimators[1].ScaledValues(lr, _requestHid.AsSpan(0, _nHid));
        else _estimators[0].ScaledValues(lr, _requestIn.AsSpan(0, _nIn));
        ReadOnlySpan<double> toHidden = _requestHid.AsSpan(0, _nHid), toOutput = _requestOut.AsSpan(0, _nOut);
        switch (population)
        {
            case 0:
                foreach (int n in ids) _writer.WriteRun(0, n, s0, toHidden);
                break;
            case 1:
                foreach (int h in ids)
                {
                    _writer.WriteRun(0, h * s0, 1, _requestIn);   // the inputs, then the bias (+0)
                    _writer.WriteRun(1, h, s1, toOutput);
                }
                break;
            case 2:
                foreach (int o in ids) _writer.WriteRun(1, o * s1, 1, _requestHid);   // the hidden, then the bias (+0)
                break;
            default:
                _writer.WriteRun(0, _nIn, s0, toHidden);
                _writer.WriteRun(1, _nHid, s1, toOutput);
                break;
        }
    }

    /// <summary>
    /// sum[h] += rows[row(i)][h] for each i of <paramref name="ids"/> in order (row length = sum's), the per-element order
    /// of the additions unchanged; four vectors of sums stay in registers across the rows.
    /// </summary>
    private static void SumRows(Span<double> sum, double[] rows, ReadOnlySpan<int> ids, int[] rowOf)
    {
        int n = sum.Length, w = Vector<double>.Count, h = 0;
        ref double s = ref MemoryMarshal.GetReference(sum);
        ref double m = ref MemoryMarshal.GetArrayDataReference(rows);
        for (; h <= n - 4 * w; h += 4 * w)
        {
            nuint k = (nuint)h;
            var (a0, a1, a2, a3) = (Vector.LoadUnsafe(ref s, k), Vector.LoadUnsafe(ref s, k + (nuint)w),
                Vector.LoadUnsafe(ref s, k + (nuint)(2 * w)), Vector.LoadUnsafe(ref s, k + (nuint)(3 * w)));
            foreach (int i in ids)
            {
                nuint r = (nuint)(rowOf[i] * n) + k;
                a0 += Vector.LoadUnsafe(ref m, r);
                a1 += Vector.LoadUnsafe(ref m, r + (nuint)w);
                a2 += Vector.LoadUnsafe(ref m, r + (nuint)(2 * w));
                a3 += Vector.LoadUnsafe(ref m, r + (nuint)(3 * w));
            }
            a0.StoreUnsafe(ref s, k);
            a1.StoreUnsafe(ref s, k + (nuint)w);
            a2.StoreUnsafe(ref s, k + (nuint)(2 * w));
            a3.StoreUnsafe(ref s, k + (nuint)(3 * w));
        }
        for (; h < n; h++)
        {
            double a = sum[h];
            foreach (int i in ids) a += rows[rowOf[i] * n + h];
            sum[h] = a;
        }
    }

    /// <summary>The ideal synapses' window (the ideal-device limit), <see cref="NumericSynapseWriter.Bound"/>.</summary>
    private double Bound(double w) => _numeric!.Bound(w);

    /// <summary>row += requests element-wise (IEEE adds, as the per-synapse writes), clamped to the window if there is one.</summary>
    private void AddInPlace(Span<double> row, ReadOnlySpan<double> requests)
    {
        int i = 0, w = Vector<double>.Count;
        if (_numeric!.Bounded)
        {
            // In-window sums are kept as they are, so min(max(·)) gives Math.Clamp's bits.
            var (lo, hi) = (new Vector<double>(_numeric.Min), new Vector<double>(_numeric.Max));
            for (; i <= row.Length - w; i += w)
                Vector.Min(Vector.Max(new Vector<double>(row[i..]) + new Vector<double>(requests[i..]), lo), hi).CopyTo(row[i..]);
        }
        else
            for (; i <= row.Length - w; i += w)
                (new Vector<double>(row[i..]) + new Vector<double>(requests[i..])).CopyTo(row[i..]);
        for (; i < row.Length; i++) row[i] = Bound(row[i] + requests[i]);
    }
}
