namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// The low-amplitude tail of an A-EqSpike pulse as data (seed 002 §4.2): piecewise-linear knots (time as a fraction of
/// the tail length γ_len, from 0 to 1; value as a fraction of γ_amp). Equal neighbouring times make a jump.
/// <see cref="Square"/> is the accumulator shape of Eq. (4.1) [S L2023]: +1 over the first half after the spike,
/// −1 over the second, so the sum of a neuron's tails counts its recent spikes minus its older ones (∝ ρ̇).
/// </summary>
public sealed record TailShape(double[] Times, double[] Values)
{
    public static TailShape Square { get; } = new([0, 0.5, 0.5, 1], [1, 1, -1, -1]);

    /// <summary>The "saw" reading of Fig. 4.2a [D]: amplitudes fall linearly with the age of the spike in each half.</summary>
    public static TailShape Saw { get; } = new([0, 0.5, 0.5, 1], [1, 0, 0, -1]);

    public void Validate()
    {
        if (Times.Length < 2 || Times.Length != Values.Length) throw new ArgumentException("tail shape: need at least two (time, value) knots of equal count");
        if (Times[0] != 0 || Times[^1] != 1) throw new ArgumentException("tail shape: knot times must run from 0 to 1");
        for (int i = 1; i < Times.Length; i++)
            if (!(Times[i] >= Times[i - 1])) throw new ArgumentException($"tail shape: knot time {i} ({Times[i]}) decreases");
        foreach (double v in Values)
            if (!double.IsFinite(v)) throw new ArgumentException("tail shape: values must be finite");
    }

    /// <summary>One spike's tail over its <paramref name="lengthSteps"/> steps, by age: γ_amp × the shape at age/length (V_th).</summary>
    public double[] Weights(int lengthSteps, double amplitude) =>
        Enumerable.Range(0, lengthSteps).Select(m => amplitude * At((double)m / lengthSteps)).ToArray();

    /// <summary>Value at fraction f ∈ [0, 1) of the tail (right-continuous at jumps).</summary>
    public double At(double f)
    {
        for (int k = Times.Length - 2; k >= 0; k--)
        {
            if (f < Times[k]) continue;
            double span = Times[k + 1] - Times[k];
            if (span <= 0) continue;
            return Values[k] + (Values[k + 1] - Values[k]) * Math.Min(1, (f - Times[k]) / span);
        }
        return Values[0];
    }
}

/// <summary>
/// Superposed tails of each neuron's pulses (A-EqSpike, seed 002 §4.1): A(t) = γ_amp·Σ_k shape((t − t_k)/γ_len) over
/// the spikes of the last γ_len steps, in units of V_th. Replaces the ρ̄ block: the partner's programming pulse
/// reads it across the memristor (Eq. 4.2).
/// </summary>
public sealed class TailAccumulator : IDerivativeEstimator
{
    private readonly bool[] _recent;   // [neuron * len + slot]
    private readonly int[] _young, _old;   // spikes of each neuron in the tail's first part (ages < _split) and in the rest
    private readonly double[] _weights;
    private readonly double[]? _sumOfCounts;   // tail constant on each part (square): [young · (len − split + 1) + old]
    private readonly int _split;
    private readonly double[] _value;
    private readonly int _len;
    private int _step;

    public TailAccumulator(int size, int lengthSteps, double amplitude, TailShape shape)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (lengthSteps < 2) throw new ArgumentException($"tail length must be ≥ 2 steps (got {lengthSteps})");
        shape.Validate();
        _len = lengthSteps;
        _recent = new bool[size * lengthSteps];
        (_young, _old) = (new int[size], new int[size]);
        _value = new double[size];
        _weights = shape.Weights(lengthSteps, amplitude);
        _split = 1;
        while (_split < _len && SameBits(_weights[_split], _weights[0])) _split++;
        int rest = _split;
        while (rest < _len && SameBits(_weights[rest], _weights[^1])) rest++;
        if (rest == _len) _sumOfCounts = SumsOfCounts();
    }

    private static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    /// <summary>The loop's sum for every (young, old) count: young additions of the first value, then old of the last.</summary>
    private double[] SumsOfCounts()
    {
        int olds = _len - _split + 1;
        var table = new double[(_split + 1) * olds];
        for (int y = 0; y <= _split; y++)
        {
            double sum = 0;
            for (int k = 0; k < y; k++) sum += _weights[0];
            table[y * olds] = sum;
            for (int o = 1; o < olds; o++) table[y * olds + o] = sum += _weights[^1];
        }
        return table;
    }

    public int Size => _value.Length;

    public void Reset()
    {
        Array.Clear(_recent);
        Array.Clear(_young);
        Array.Clear(_old);
        Array.Clear(_value);
        _step = 0;
    }

    /// <summary>
    /// value = Σ over the spikes of the last len steps, ascending age, of the tail at that age (from +0). A neuron without
    /// such a spike has +0; with a tail constant on its first part and on the rest (square) the sum depends only on the two
    /// spike counts: the same additions, tabulated.
    /// </summary>
    public void Step(ReadOnlySpan<bool> spikes)
    {
        int slot = _step % _len, crossing = (slot - _split + _len) % _len, olds = _len - _split + 1;
        for (int i = 0; i < _value.Length; i++)
        {
            // A neuron without spikes in its window (most MNIST inputs: black pixels) stays as it is: value +0, slots clear.
            if (!spikes[i] && _young[i] == 0 && _old[i] == 0) continue;
            int b = i * _len;
            // This step: the new spike has age 0, the one at age _split − 1 moves to the old part, the one at age len leaves.
            int enter = spikes[i] ? 1 : 0, leave = _recent[b + slot] ? 1 : 0, moves = _split == _len ? leave : _recent[b + crossing] ? 1 : 0;
            int young = _young[i] += enter - moves, old = _old[i] += moves - leave;
            _recent[b + slot] = spikes[i];
            if (young + old == 0) _value[i] = 0;
            else if (_sumOfCounts is not null) _value[i] = _sumOfCounts[young * olds + old];
            else _value[i] = Sum(b, slot);
        }
        _step++;
    }

    private double Sum(int b, int slot)
    {
        double sum = 0;
        for (int age = 0; age < _len; age++)
            if (_recent[b + (slot - age + _len) % _len]) sum += _weights[age];
        return sum;
    }

    public double Value(int i) => _value[i];

    /// <summary>values[i] = scale × Value(i), element-wise (the same products as the interface's loop).</summary>
    public void ScaledValues(double scale, Span<double> values)
    {
        var source = _value.AsSpan();
        int i = 0, w = System.Numerics.Vector<double>.Count;
        var factor = new System.Numerics.Vector<double>(scale);
        for (; i <= source.Length - w; i += w) (factor * new System.Numerics.Vector<double>(source[i..])).CopyTo(values[i..]);
        for (; i < source.Length; i++) values[i] = scale * source[i];
    }
}
