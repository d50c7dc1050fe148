namespace CircuitNeuro.Circuits.Solver;

/// <summary>
/// LU solver for a frozen <see cref="MnaMatrix"/>. The first <see cref="Factor"/> does the symbolic
/// analysis (ordering); later calls only refactor numerically, since the pattern never changes.
/// </summary>
public interface ILinearSolver : IDisposable
{
    /// <summary>Factorizes the matrix's current values. Throws <see cref="SingularMatrixException"/>.</summary>
    void Factor(MnaMatrix matrix);

    /// <summary>Solves A x = b in place: <paramref name="rhs"/> holds b on entry and x on return.</summary>
    void Solve(double[] rhs);

    /// <summary>Reciprocal condition estimate of the last factorization (cheap estimate; NaN if unknown).</summary>
    double ReciprocalCondition { get; }
}

/// <summary>The matrix is singular; <see cref="Unknown"/> is the offending row/column index when known (-1 otherwise).</summary>
public sealed class SingularMatrixException : Exception
{
    public SingularMatrixException(int unknown, string message) : base(message) => Unknown = unknown;
    public int Unknown { get; }
}
