using CircuitNeuro.Circuits.Solver;
using MathNet.Numerics.LinearAlgebra;

namespace CircuitNeuro.Circuits.Tests.Solver;

/// <summary>Random test systems and an independent (MathNet dense LU) reference.</summary>
internal static class SolverTestMatrices
{
    /// <summary>Sparse, non-symmetric, strictly diagonally dominant; slots registered in shuffled order.</summary>
    public static MnaMatrix RandomDominant(int n, int seed, int offPerRow = 4)
    {
        var rnd = new Random(seed);
        var entries = new Dictionary<(int, int), double>();
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int k = 0; k < offPerRow && n > 1; k++)
            {
                int j = rnd.Next(n);
                if (j == i || entries.ContainsKey((i, j))) continue;
                double v = rnd.NextDouble() * 2 - 1;
                entries[(i, j)] = v;
                sum += Math.Abs(v);
            }
            entries[(i, i)] = (sum + 0.5 + rnd.NextDouble()) * (rnd.Next(2) == 0 ? 1 : -1);
        }
        return Build(n, entries, rnd);
    }

    /// <summary>
    /// MNA saddle system [[G + gm, B], [Bᵀ, 0]]: a random connected conductance graph (some nodes
    /// grounded), a few non-symmetric transconductances, and voltage sources with zero-diagonal branch rows.
    /// </summary>
    public static MnaMatrix RandomMna(int nodes, int sources, int seed)
    {
        var rnd = new Random(seed);
        var e = new Dictionary<(int, int), double>();
        void Add(int r, int c, double v) => e[(r, c)] = e.GetValueOrDefault((r, c)) + v;
        void Conductance(int a, int b, double g)
        {
            Add(a, a, g);
            if (b < 0) return;
            Add(b, b, g); Add(a, b, -g); Add(b, a, -g);
        }
        for (int i = 1; i < nodes; i++) Conductance(i, rnd.Next(i), Math.Pow(10, rnd.NextDouble() * 4 - 2));
        for (int k = 0; k < nodes / 2; k++)
        {
            int a = rnd.Next(nodes), b = rnd.Next(nodes);
            if (a != b) Conductance(a, b, Math.Pow(10, rnd.NextDouble() * 4 - 2));
        }
        for (int i = 0; i < nodes; i += 7) Conductance(i, -1, 0.1 + rnd.NextDouble());
        for (int k = 0; k < nodes / 10; k++) Add(rnd.Next(nodes), rnd.Next(nodes), 0.05 * rnd.NextDouble());
        // Each source gets its own positive node, so B has full column rank; negative side ground or another node.
        // Negative sides are never a positive node, so no loop of sources can form.
        var shuffled = Enumerable.Range(0, nodes).OrderBy(_ => rnd.Next()).ToArray();
        var positive = shuffled.Take(Math.Min(sources, nodes / 2)).ToArray();
        var others = shuffled.Skip(positive.Length).ToArray();
        for (int k = 0; k < positive.Length; k++)
        {
            int br = nodes + k, p = positive[k];
            int q = rnd.Next(3) == 0 || others.Length == 0 ? -1 : others[rnd.Next(others.Length)];
            Add(p, br, 1); Add(br, p, 1);
            if (q >= 0) { Add(q, br, -1); Add(br, q, -1); }
        }
        return Build(nodes + positive.Length, e, rnd);
    }

    public static MnaMatrix Build(int n, Dictionary<(int r, int c), double> entries, Random rnd)
    {
        var m = new MnaMatrix(n);
        var list = entries.ToList().OrderBy(_ => rnd.Next()).ToList();
        var slots = list.Select(kv => m.Slot(kv.Key.r, kv.Key.c)).ToArray();
        m.Slot(-1, 0); // ground stamp -> trash slot, must be ignored
        m.Freeze();
        for (int k = 0; k < slots.Length; k++) m.Add(slots[k], list[k].Value);
        m.Add(MnaMatrix.TrashSlot, 12345.0);
        return m;
    }

    public static Matrix<double> ToDense(MnaMatrix m)
    {
        var a = Matrix<double>.Build.Dense(m.Size, m.Size);
        for (int s = 1; s < m.SlotCount; s++) a[m.RowOf(s), m.ColOf(s)] = m.Values[s];
        return a;
    }

    public static double[] RandomVector(int n, int seed)
    {
        var rnd = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rnd.NextDouble() * 2 - 1).ToArray();
    }

    /// <summary>Normwise backward error ‖b − Ax‖∞ / (‖A‖∞‖x‖∞ + ‖b‖∞).</summary>
    public static double BackwardError(Matrix<double> a, double[] x, double[] b)
    {
        var xv = Vector<double>.Build.Dense(x);
        var bv = Vector<double>.Build.Dense(b);
        return (bv - a * xv).InfinityNorm() / (a.InfinityNorm() * xv.InfinityNorm() + bv.InfinityNorm());
    }

    public static double RelativeError(double[] x, double[] reference)
    {
        double num = 0, den = 0;
        for (int i = 0; i < x.Length; i++)
        {
            num = Math.Max(num, Math.Abs(x[i] - reference[i]));
            den = Math.Max(den, Math.Abs(reference[i]));
        }
        return num / den;
    }

    /// <summary>Factors and solves with <paramref name="solver"/>, checks against MathNet; returns x.</summary>
    public static double[] SolveAndCheck(ILinearSolver solver, MnaMatrix m, int seed, double relTol = 1e-10)
    {
        var a = ToDense(m);
        var b = RandomVector(m.Size, seed);
        var reference = a.LU().Solve(Vector<double>.Build.Dense(b)).ToArray();
        var x = (double[])b.Clone();
        solver.Factor(m);
        solver.Solve(x);
        Assert.InRange(BackwardError(a, x, b), 0, 1e-13);
        Assert.InRange(RelativeError(x, reference), 0, relTol);
        return x;
    }
}
