using CircuitNeuro.Learning.Ising.Model;

namespace CircuitNeuro.Learning.Tests.Ising;

/// <summary>
/// Independent references by brute-force enumeration (≤ 16 spins): energies are recomputed here from the coupling
/// list with the seed's formula E = Σ h σ + Σ J σσ, not through the samplers' CSR code.
/// </summary>
internal static class Exact
{
    public static sbyte[] State(long bits, int n)
    {
        var s = new sbyte[n];
        for (int i = 0; i < n; i++) s[i] = ((bits >> i) & 1) == 1 ? (sbyte)1 : (sbyte)-1;
        return s;
    }

    public static double Energy(IsingModel m, sbyte[] s)
    {
        double e = 0;
        for (int i = 0; i < s.Length; i++) e += m.H[i] * s[i];
        foreach (var (i, j, v) in m.Couplings) e += v * s[i] * s[j];
        return e;
    }

    public static (sbyte[] State, double Energy, double Gap) GroundState(IsingModel m)
    {
        int n = m.SpinCount;
        double best = double.PositiveInfinity, second = double.PositiveInfinity;
        long arg = 0;
        for (long b = 0; b < 1L << n; b++)
        {
            double e = Energy(m, State(b, n));
            if (e < best) { second = best; best = e; arg = b; }
            else if (e < second) second = e;
        }
        return (State(arg, n), best, second - best);
    }

    /// <summary>Boltzmann probabilities exp(−βE)/Z indexed by the bit pattern (bit i set ⇔ σ_i = +1).</summary>
    public static double[] Boltzmann(IsingModel m, double beta)
    {
        int n = m.SpinCount;
        var p = new double[1 << n];
        var energies = Enumerable.Range(0, 1 << n).Select(b => Energy(m, State(b, n))).ToArray();
        double min = energies.Min();
        for (int b = 0; b < p.Length; b++) p[b] = Math.Exp(-beta * (energies[b] - min));
        double z = p.Sum();
        for (int b = 0; b < p.Length; b++) p[b] /= z;
        return p;
    }

    public static int Bits(ReadOnlySpan<sbyte> s)
    {
        int b = 0;
        for (int i = 0; i < s.Length; i++) if (s[i] == 1) b |= 1 << i;
        return b;
    }

    public static IsingModel RandomModel(int n, double density, CircuitNeuro.EventKernel.Random.RandomStream r, double scale = 1.0)
    {
        var m = new IsingModel(n);
        for (int i = 0; i < n; i++) m.H[i] = scale * r.Uniform(-1, 1);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (r.NextDouble() < density) m.SetCoupling(i, j, scale * r.Uniform(-1, 1));
        return m;
    }
}
