using BenchmarkDotNet.Attributes;
using CircuitNeuro.Circuits.Solver;

namespace CircuitNeuro.Bench;

/// <summary>Per-Newton-step cost of the KLU path: numeric refactor + solve on a 2-D grid MNA matrix.</summary>
[MemoryDiagnoser]
public class KluBenchmarks
{
    [Params(64, 256)]
    public int Grid;

    private MnaMatrix _m = null!;
    private KluSolver _solver = null!;
    private double[] _b = null!, _x = null!;

    [GlobalSetup]
    public void Setup()
    {
        int n = Grid, nodes = n * n;
        _m = new MnaMatrix(nodes);
        var rnd = new Random(42);
        var stamps = new List<(int, double)>();
        void G(int a, int b, double g)
        {
            stamps.Add((_m.Slot(a, a), g));
            if (b < 0) return;
            stamps.Add((_m.Slot(b, b), g)); stamps.Add((_m.Slot(a, b), -g)); stamps.Add((_m.Slot(b, a), -g));
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                int k = i * n + j;
                if (j + 1 < n) G(k, k + 1, 0.5 + rnd.NextDouble());
                if (i + 1 < n) G(k, k + n, 0.5 + rnd.NextDouble());
            }
        for (int i = 0; i < n; i++) G(i * n + n - 1, -1, 1.0); // one edge grounded
        int br = _m.AddUnknown();                                  // one voltage source at a corner
        stamps.Add((_m.Slot(0, br), 1)); stamps.Add((_m.Slot(br, 0), 1));
        _m.Freeze();
        foreach (var (s, v) in stamps) _m.Add(s, v);
        _b = new double[_m.Size];
        _b[br] = 1.0;
        _x = new double[_m.Size];
        _solver = new KluSolver();
        _solver.Factor(_m); // symbolic analysis + first numeric factorization, outside the measurement
    }

    [Benchmark]
    public double RefactorAndSolve()
    {
        _solver.Factor(_m);
        Array.Copy(_b, _x, _b.Length);
        _solver.Solve(_x);
        return _x[0];
    }

    [GlobalCleanup]
    public void Cleanup() => _solver.Dispose();
}
