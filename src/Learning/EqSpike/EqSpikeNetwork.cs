using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// The one-hidden-layer bidirectional spiking network of EqSpike (seed 002 §2.4, Alg. 2 [S L1286–1327]) driven by the
/// event kernel: a Tick event per dt advances every neuron (nudging the outputs in the nudge phase), each spike is a
/// Spike event (delivery to the next step's input, then the learning rule: every synapse of the spiking neuron gets
/// η_lr × the partner's derivative estimate), and the free → nudge switch is a Phase event. Without a per-spike probe or
/// the desynchronised A-EqSpike a step's spikes travel as one Volley event per population instead
/// (EqSpikeNetwork.Volley.cs), with the same operations in the same order. Inputs are LIF neurons fed
/// the pixel as a constant current in [0, f_max] [S L1349]; input→hidden synapses are unidirectional, hidden↔output
/// symmetric [S L1535]; a bias neuron fires at f_max into every hidden and output neuron [S L1420].
/// Intra-step order (not in the seed, notes §2.4): nudge, integrate last step's spikes, threshold, ρ̄ blocks, spikes.
/// Weights: layer 0 is hidden × (inputs + bias), layer 1 outputs × (hidden + bias), row-major.
/// </summary>
public sealed partial class EqSpikeNetwork
{
    private readonly EqSpikeParameters _p;
    private readonly EventScheduler _scheduler = new();
    private readonly EventTypeId _tick, _spike, _phase, _volley;
    private readonly DiscreteLifLayer[] _layers;
    private readonly IDerivativeEstimator[] _estimators;
    private readonly bool[][] _spiked;
    private readonly double[] _inputCurrent, _hiddenIn, _outputIn, _target;
    private readonly int[] _outputWindow, _outputCounts, _spikeCounter, _freeOutputSpikes;
    private readonly ISynapseWriter _writer;
    private readonly RandomStream _signs, _sparseDraws;
    private readonly SparseProgramming _sparse;
    private readonly int _nIn, _nHid, _nOut, _bias;
    private double _sampleStart, _signedBeta, _signedRate;
    private bool _learning, _nudging, _nudgeSkipped;

    public EqSpikeNetwork(int inputs, int hidden, int outputs, EqSpikeParameters parameters, Func<int, IDerivativeEstimator> estimator,
        ISynapseWriter writer, RandomStreams random, SparseProgramming? sparse = null)
    {
        parameters.Validate();
        (sparse ??= SparseProgramming.Dense).Validate();
        _p = parameters;
        _sparse = sparse;
        (_nIn, _nHid, _nOut) = (inputs, hidden, outputs);
        _bias = inputs + hidden + outputs;
        _layers = [new(inputs, _p.LeakLif, _p.Threshold, _p.MembraneFloor), new(hidden, _p.LeakLif, _p.Threshold, _p.MembraneFloor),
            new(outputs, _p.LeakLif, _p.Threshold, _p.MembraneFloor)];
        _estimators = [estimator(inputs), estimator(hidden), estimator(outputs)];
        _spiked = [new bool[inputs], new bool[hidden], new bool[outputs]];
        (_inputCurrent, _hiddenIn, _outputIn, _target) = (new double[inputs], new double[hidden], new double[outputs], new double[outputs]);
        (_outputWindow, _outputCounts, _freeOutputSpikes) = (new int[_p.RateWindow * outputs], new int[outputs], new int[outputs]);
        _spikeCounter = new int[_bias + 1];
        // Xavier: 𝒩(0, 1/fan-in) [S L1446]; bias weights start at 0.
        var init = random.Get("eqspike/init");
        Weights = [Xavier(hidden, inputs, init), Xavier(outputs, hidden, init)];
        _writer = writer;
        _writer.Attach(Weights);
        _numeric = writer as NumericSynapseWriter;
        _signs = random.Get("eqspike/beta-sign");
        _sparseDraws = random.Get("eqspike/sparse");
        _tick = _scheduler.TypeOf("eqspike.tick");
        _spike = _scheduler.TypeOf("eqspike.spike");
        _phase = _scheduler.TypeOf("eqspike.phase");
        _scheduler.On(_tick, OnTick);
        _scheduler.On(_phase, OnPhase);
        _scheduler.On(_spike, Deliver);
        _scheduler.On(_spike, Learn);
        _volley = _scheduler.TypeOf("eqspike.volley");
        _scheduler.On(_volley, DeliverVolley);
        _scheduler.On(_volley, LearnVolley);
        _populationStart = [0, inputs, inputs + hidden, _bias];
        _fired = [new int[inputs], new int[hidden], new int[outputs], new int[1]];
        _programmed = new int[Math.Max(inputs, Math.Max(hidden, outputs))];
        (_requestIn, _requestHid, _requestOut) = (new double[inputs + 1], new double[hidden + 1], new double[outputs]);
        (_stimulated, _rowOfInput, _hiddenLearned) = (new int[inputs], new int[inputs], new bool[hidden]);
    }

    public int Inputs => _nIn;
    public int Hidden => _nHid;
    public int Outputs => _nOut;
    public EqSpikeParameters Parameters => _p;
    public double[][] Weights { get; }
    public ISynapseWriter Writer => _writer;
    public DiscreteLifLayer Layer(int index) => _layers[index];
    public IDerivativeEstimator Estimator(int index) => _estimators[index];
    /// <summary>Spikes in the last sample: inputs, hidden, outputs, bias.</summary>
    public long SampleSpikes { get; private set; }
    public bool LastNudgeSkipped => _nudgeSkipped;

    /// <summary>Called after each synapse write in learning (layer, synapse index, step): probes such as the STDP window.</summary>
    public Action<int, int, int>? AfterWrite { get; set; }
    /// <summary>Steps of the free phase of the present sample.</summary>
    public int FreeSteps => _p.FreeSteps;
    /// <summary>Called at every spike (global neuron id, step).</summary>
    public Action<int, int>? OnSpike { get; set; }
    /// <summary>Called at the start of every step (step, nudging), before any neuron moves: probes such as the STDP window.</summary>
    public Action<int, bool>? TickStarted { get; set; }

    private static double[] Xavier(int rows, int fanIn, RandomStream rng)
    {
        var w = new double[rows * (fanIn + 1)];
        double sd = Math.Sqrt(1.0 / fanIn);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < fanIn; c++) w[r * (fanIn + 1) + c] = rng.Normal(0, sd);
        return w;
    }

    /// <summary>Free phase only; returns the predicted class (most output spikes in the last rate window, ties by potential).</summary>
    public int Infer(double[] pixels) => Run(pixels, -1, learn: false);

    /// <summary>Free phase then nudge phase with learning; returns the free-phase prediction.</summary>
    public int Train(double[] pixels, int label) => Run(pixels, label, learn: true);

    private int _prediction;

    private int Run(double[] pixels, int label, bool learn)
    {
        if (pixels.Length != _nIn) throw new ArgumentException($"sample has {pixels.Length} features, the network {_nIn} inputs");
        foreach (var layer in _layers) layer.Reset();
        foreach (var e in _estimators) e.Reset();
        Array.Clear(_hiddenIn);
        Array.Clear(_outputIn);
        Array.Clear(_outputWindow);
        Array.Clear(_outputCounts);
        Array.Clear(_freeOutputSpikes);
        Array.Clear(_spikeCounter);
        for (int i = 0; i < _nIn; i++) _inputCurrent[i] = Math.Clamp(pixels[i], 0, 1) * EqSpikeParameters.MaxRate;
        for (int o = 0; o < _nOut; o++) _target[o] = o == label ? EqSpikeParameters.MaxRate : 0;
        _learning = learn;
        _nudging = _nudgeSkipped = false;
        bool flip = learn && _p.RandomBetaSign && _signs.NextDouble() < 0.5;
        _signedBeta = flip ? -_p.Beta : _p.Beta;
        _signedRate = (flip ? -_p.LearningRate : _p.LearningRate) * _sparse.Scale;
        BeginSample();
        SampleSpikes = 0;
        _sampleStart = Math.Ceiling(_scheduler.Now) + 1;
        int total = _p.FreeSteps + (learn ? _p.NudgeSteps : 0);
        _scheduler.Schedule(_sampleStart, _tick, intPayload: 0);
        if (learn && _p.NudgeSteps > 0) _scheduler.Schedule(_sampleStart + _p.FreeSteps, _phase, priority: -1);
        _scheduler.RunUntil(_sampleStart + total - 1);
        EndSample();
        _scheduler.ClearPending();
        return _prediction;
    }

    private void OnPhase(in SimEvent ev)
    {
        double error = 0;
        for (int o = 0; o < _nOut; o++) error += Math.Abs(_target[o] - Rate(o));
        _nudgeSkipped = error / EqSpikeParameters.MaxRate < _p.NudgeGate;
        _nudging = !_nudgeSkipped;
        if (_nudgeSkipped) _scheduler.Stop();
        else if (_p.HoldReferenceAtNudge) foreach (var e in _estimators) (e as RhoBarBlock)?.HoldReference();
    }

    /// <summary>Output rate over the last window, spikes per step (the error's estimate, "100 dt" [S L1357]).</summary>
    public double Rate(int o) => _outputCounts[o] / (double)_p.RateWindow;

    /// <summary>Spikes of output o during the free phase of the last sample (a dead output never fires).</summary>
    public int FreeOutputSpikes(int o) => _freeOutputSpikes[o];

    private void OnTick(in SimEvent ev)
    {
        int step = ev.IntPayload;
        TickStarted?.Invoke(step, _nudging);
        if (_nudging)
            for (int o = 0; o < _nOut; o++) _layers[2].Add(o, -_signedBeta * _p.NudgeError(Rate(o), _target[o]));
        _firedCount[0] = _layers[0].Step(step, _inputCurrent, _spiked[0], _fired[0]);
        _firedCount[1] = _layers[1].Step(step, _hiddenIn, _spiked[1], _fired[1]);
        _firedCount[2] = _layers[2].Step(step, _outputIn, _spiked[2], _fired[2]);
        // The bias neuron fires at f_max: every T_refract.
        _firedCount[BiasPopulation] = step % EqSpikeParameters.StepsPerRefract == 0 ? 1 : 0;
        Array.Clear(_hiddenIn);
        Array.Clear(_outputIn);
        for (int l = 0; l < 3; l++) _estimators[l].Step(_spiked[l], _fired[l].AsSpan(0, _firedCount[l]));
        int slot = step % _p.RateWindow;
        for (int o = 0; o < _nOut; o++)
        {
            int now = _spiked[2][o] ? 1 : 0;
            if (step < _p.FreeSteps) _freeOutputSpikes[o] += now;
            _outputCounts[o] += now - _outputWindow[slot * _nOut + o];
            _outputWindow[slot * _nOut + o] = now;
        }
        if (step == _p.FreeSteps - 1) _prediction = Predict();
        MarkProgrammingPulses();
        AccumulateTailEnergy();
        ScheduleSpikes(ev.Time, step);
        _scheduler.Schedule(ev.Time + 1, _tick, intPayload: step + 1);
    }

    private void ScheduleSpikes(double time, int step)
    {
        if (_volleys)
        {
            ScheduleVolleys(time, step);
            return;
        }
        for (int l = 0; l <= BiasPopulation; l++)
            for (int j = 0; j < _firedCount[l]; j++)
                _scheduler.Schedule(time, _spike, target: _populationStart[l] + _fired[l][j], intPayload: step, priority: 1);
    }

    private int Predict()
    {
        int best = 0;
        for (int o = 1; o < _nOut; o++)
            if (_outputCounts[o] > _outputCounts[best] || (_outputCounts[o] == _outputCounts[best] && _layers[2].Potentials[o] > _layers[2].Potentials[best])) best = o;
        return best;
    }

    private void Deliver(in SimEvent ev)
    {
        int n = ev.Target;
        SampleSpikes++;
        OnSpike?.Invoke(n, ev.IntPayload);
        int population = Population(n), local = n - _populationStart[population];
        DeliverFrom(population, new ReadOnlySpan<int>(in local));
    }

    /// <summary>EqSpike rule, Alg. 2: on a spike of neuron n, W_nm += η_lr·ρ̄_m for every synapse (n, m) [S L1076].</summary>
    private void Learn(in SimEvent ev)
    {
        if (!_nudging || !_learning) return;
        if (_desynch is not null)
        {
            LearnDesynch(ev.Target, ev.IntPayload);
            return;
        }
        if (!Programs(ev.Target)) return;
        int n = ev.Target, step = ev.IntPayload;
        int s0 = _nIn + 1, s1 = _nHid + 1;
        var (eIn, eHid, eOut) = (_estimators[0], _estimators[1], _estimators[2]);
        double lr = _signedRate;
        if (n < _nIn)
            for (int h = 0; h < _nHid; h++) Write(0, h * s0 + n, lr * eHid.Value(h), step);
        else if (n < _nIn + _nHid)
        {
            int h = n - _nIn;
            for (int i = 0; i < _nIn; i++) Write(0, h * s0 + i, lr * eIn.Value(i), step);
            Write(0, h * s0 + _nIn, 0, step); // the bias has a constant rate: its ρ̄ is 0
            for (int o = 0; o < _nOut; o++) Write(1, o * s1 + h, lr * eOut.Value(o), step);
        }
        else if (n < _bias)
        {
            int o = n - _nIn - _nHid;
            for (int h = 0; h < _nHid; h++) Write(1, o * s1 + h, lr * eHid.Value(h), step);
            Write(1, o * s1 + _nHid, 0, step);
        }
        else
        {
            // Eq. 2.14: the bias learns f_max·ρ̇ — once per bias spike, i.e. at f_max.
            for (int h = 0; h < _nHid; h++) Write(0, h * s0 + _nIn, lr * eHid.Value(h), step);
            for (int o = 0; o < _nOut; o++) Write(1, o * s1 + _nHid, lr * eOut.Value(o), step);
        }
    }

    private void Write(int layer, int k, double request, int step)
    {
        _writer.Write(layer, k, request);
        AfterWrite?.Invoke(layer, k, step);
    }

    /// <summary>Whether this spike is followed by a programming pulse (sparse programming, §3.6.2).</summary>
    private bool Programs(int neuron) => _sparse.Mode switch
    {
        SparseMode.Probabilistic => _sparseDraws.NextDouble() < _sparse.Probability,
        SparseMode.EveryNth => ++_spikeCounter[neuron] % _sparse.N == 0,
        _ => true,
    };
}
