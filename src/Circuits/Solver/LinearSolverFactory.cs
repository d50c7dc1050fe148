namespace CircuitNeuro.Circuits.Solver;

/// <summary>Picks the linear solver for a frozen MNA matrix.</summary>
public static class LinearSolverFactory
{
    /// <summary>
    /// Largest size solved densely. Measured factor+solve per Newton step on MNA-like matrices
    /// (~4 nnz/row, .NET 10 Release, x64): n=5 dense 0.29 µs vs KLU 0.45 µs, n=10 0.79 vs 0.84,
    /// n=15 1.5 vs 1.2, n=30 4.3 vs 2.0, n=100 115 vs 7. Crossover ≈ 12.
    /// </summary>
    public const int DenseThreshold = 12;

    /// <summary>Without KLU, dense is still acceptable (≤ ~0.1 ms per step) up to this size.</summary>
    public const int DenseFallbackLimit = 100;

    public static ILinearSolver Create(MnaMatrix m)
    {
        if (m.Size <= DenseThreshold) return new DenseLuSolver();
        if (KluNative.IsAvailable(out string reason)) return new KluSolver();
        if (m.Size <= DenseFallbackLimit) return new DenseLuSolver();
        throw new DllNotFoundException(
            $"The circuit has {m.Size} unknowns and needs the sparse solver KLU, which is not usable: {reason} " +
            "Run the project's setup script (scripts/setup.sh) to install libklu1 (SuiteSparse KLU).");
    }
}
