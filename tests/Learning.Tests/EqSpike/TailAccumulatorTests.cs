using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// The tail sum A = γ_amp·Σ_k shape(age_k/γ_len) of Eq. (4.1) [S L2023]: the accumulator (spike counts and a table of sums
/// for tails constant on each of two parts, such as the square) must give, to the last bit, the sum written out here
/// (ascending age from +0) for random spike trains, for the square, a one-part, an uneven two-part, the saw and a
/// three-part tail.
/// </summary>
public class TailAccumulatorTests
{
    public static TheoryData<string> Shapes => ["square", "constant", "uneven", "saw", "three-part"];

    private static TailShape ShapeOf(string name) => name switch
    {
        "square" => TailShape.Square,
        "constant" => new TailShape([0, 1], [0.3, 0.3]),
        "uneven" => new TailShape([0, 0.3, 0.3, 1], [0.7, 0.7, -0.1, -0.1]),
        "saw" => TailShape.Saw,
        _ => new TailShape([0, 0.2, 0.2, 0.6, 0.6, 1], [1, 1, 0.4, 0.4, -1, -1]),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TailSum_EqualsTheAgeOrderedSum(string name)
    {
        const int neurons = 7, len = 23;
        const double amplitude = 1.3e-4;
        var shape = ShapeOf(name);
        var acc = new TailAccumulator(neurons, len, amplitude, shape);
        double[] tail = Enumerable.Range(0, len).Select(m => amplitude * shape.At((double)m / len)).ToArray();
        var history = new List<bool[]>();
        var rng = new RandomStreams(9).Get("spikes");
        for (int step = 0; step < 400; step++)
        {
            if (step == 250) { acc.Reset(); history.Clear(); }
            // Neuron i fires with probability i/neurons (0: never; the last one at the refractory-free maximum).
            var spikes = Enumerable.Range(0, neurons).Select(i => rng.NextDouble() < i / (neurons - 1.0)).ToArray();
            history.Add(spikes);
            acc.Step(spikes);
            for (int i = 0; i < neurons; i++)
            {
                double sum = 0;
                for (int age = 0; age < len && age < history.Count; age++)
                    if (history[^(age + 1)][i]) sum += tail[age];
                Assert.True(BitConverter.DoubleToInt64Bits(sum) == BitConverter.DoubleToInt64Bits(acc.Value(i)), $"step {step} neuron {i}: {acc.Value(i):R} vs {sum:R}");
            }
        }
    }
}
