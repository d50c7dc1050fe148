using System.Runtime.InteropServices;

namespace CircuitNeuro.Circuits.Solver;

/// <summary>Fill-reducing ordering used by <see cref="KluSolver"/> (KLU's Common.ordering).</summary>
public enum KluOrdering { Amd = 0, Colamd = 1 }

/// <summary>
/// Sparse LU through KLU. The first <see cref="Factor"/> builds the CSC pattern and runs klu_analyze
/// once; later calls scatter values and use klu_refactor (same pivots), falling back to a full
/// klu_factor (fresh partial pivoting, same ordering) when the refactorization degrades.
/// Not thread-safe. The hot path (Factor after the first call, Solve) does not allocate.
/// </summary>
public sealed unsafe class KluSolver : ILinearSolver
{
    private readonly KluHandle _h;
    private MnaMatrix? _bound;
    private int _n;
    private int[] _pos = Array.Empty<int>();      // slot -> CSC position (slot 0 unused)
    private double _fullRcond = double.NaN;      // rcond of the last full factorization
    private bool _valid;                          // last Factor succeeded

    public KluSolver(KluOrdering ordering = KluOrdering.Amd, bool useBtf = true)
    {
        KluNative.EnsureAvailable();
        _h = new KluHandle();
        KluCommon* c = _h.Common;
        c->Ordering = (int)ordering;
        c->Btf = useBtf ? 1 : 0;
        c->HaltIfSingular = 1; // stop at the first zero pivot; singular_col names it
    }

    /// <summary>A pivot is negligible when |u_kk| ≤ tol · max|column| of the row-scaled matrix.</summary>
    public double PivotTolerance { get; set; } = 1e-13;

    /// <summary>After a refactor, redo pivoting if rcond fell below this fraction of the last full factor's rcond.</summary>
    public double RefactorRcondRatio { get; set; } = 1e-3;

    public double ReciprocalCondition { get; private set; } = double.NaN;
    /// <summary>Off-diagonal pivots of the last full factorization and nonzeros in L and U (fill diagnostics).</summary>
    /// <summary>Diagonal blocks of the block-triangular form and the size of the largest (only it is factored as a whole).</summary>
    public (int Blocks, int LargestBlock) BlockStatistics =>
        _h.Symbolic == null ? (0, 0) : (_h.Symbolic->NBlocks, _h.Symbolic->MaxBlock);

    public (int OffDiagonalPivots, int LowerNonzeros, int UpperNonzeros) FactorStatistics =>
        _h.Numeric == null ? (0, 0, 0) : (_h.Common->NOffDiag, _h.Numeric->Lnz, _h.Numeric->Unz);

    public int FullFactorizations { get; private set; }
    public int Refactorizations { get; private set; }

    public void Factor(MnaMatrix matrix)
    {
        ObjectDisposedException.ThrowIf(_h.IsClosed, this);
        if (!matrix.IsFrozen) throw new InvalidOperationException("Freeze the matrix before factoring.");
        _valid = false;
        if (!ReferenceEquals(matrix, _bound) || matrix.Size != _n || matrix.SlotCount != _pos.Length) Analyze(matrix);
        if (_n == 0) { _valid = true; ReciprocalCondition = 1; return; }

        double[] v = matrix.Values;
        int[] pos = _pos;
        double* ax = _h.Ax;
        for (int s = 1; s < pos.Length; s++) ax[pos[s]] = v[s];

        if (_h.Numeric == null || !TryRefactor()) FullFactor();
        _valid = true;
        GC.KeepAlive(this);
    }

    public void Solve(double[] rhs)
    {
        ObjectDisposedException.ThrowIf(_h.IsClosed, this);
        if (!_valid) throw new InvalidOperationException("No valid factorization; call Factor first.");
        if (rhs.Length < _n) throw new ArgumentException($"rhs has {rhs.Length} entries, need {_n}.", nameof(rhs));
        if (_n == 0) return;
        fixed (double* b = rhs)
        {
            if (KluNative.Solve(_h.Symbolic, _h.Numeric, _n, 1, b, _h.Common) != 1)
                throw new InvalidOperationException($"klu_solve failed (status {_h.Common->Status}).");
        }
        GC.KeepAlive(this);
    }

    public void Dispose() => _h.Dispose();

    private void Analyze(MnaMatrix m)
    {
        _h.FreeFactors();
        _h.FreePattern();
        _bound = m;
        int n = _n = m.Size;
        int slots = m.SlotCount, nnz = slots - 1;
        _pos = new int[slots];
        if (n == 0) return;

        // Counting sort by row, then stable bucket by column: rows end up sorted in each column.
        var rowStart = new int[n + 1];
        for (int s = 1; s < slots; s++) rowStart[m.RowOf(s) + 1]++;
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        var byRow = new int[nnz];
        for (int s = 1; s < slots; s++) byRow[rowStart[m.RowOf(s)]++] = s;

        _h.AllocPattern(n, nnz);
        int* ap = _h.Ap, ai = _h.Ai;
        var next = new int[n + 1];
        for (int s = 1; s < slots; s++) next[m.ColOf(s) + 1]++;
        for (int j = 0; j < n; j++) next[j + 1] += next[j];
        for (int j = 0; j <= n; j++) ap[j] = next[j];
        foreach (int s in byRow)
        {
            int p = next[m.ColOf(s)]++;
            ai[p] = m.RowOf(s);
            _pos[s] = p;
        }

        _h.Symbolic = KluNative.Analyze(n, ap, ai, _h.Common);
        if (_h.Symbolic == null)
        {
            _bound = null;
            throw new InvalidOperationException($"klu_analyze failed (status {_h.Common->Status}).");
        }
    }

    private bool TryRefactor()
    {
        KluCommon* c = _h.Common;
        if (KluNative.Refactor(_h.Ap, _h.Ai, _h.Ax, _h.Symbolic, _h.Numeric, c) != 1 || c->Status != KluNative.KLU_OK)
            return false; // zero pivot with the old pivot order: re-pivot
        KluNative.Rcond(_h.Symbolic, _h.Numeric, c);
        if (!(c->RCond >= RefactorRcondRatio * _fullRcond)) return false;
        if (FindNegligiblePivot() >= 0) return false;
        ReciprocalCondition = c->RCond;
        Refactorizations++;
        return true;
    }

    private void FullFactor()
    {
        _h.FreeNumeric();
        KluCommon* c = _h.Common;
        _h.Numeric = KluNative.Factor(_h.Ap, _h.Ai, _h.Ax, _h.Symbolic, c);
        FullFactorizations++;
        if (_h.Numeric == null)
        {
            if (c->Status == KluNative.KLU_SINGULAR)
                throw new SingularMatrixException(c->SingularCol, $"Matrix is singular: zero pivot at unknown {c->SingularCol}.");
            throw new InvalidOperationException($"klu_factor failed (status {c->Status}).");
        }
        int bad = FindNegligiblePivot();
        if (bad >= 0)
        {
            _h.FreeNumeric();
            throw new SingularMatrixException(bad, $"Matrix is numerically singular: negligible pivot at unknown {bad}.");
        }
        KluNative.Rcond(_h.Symbolic, _h.Numeric, c);
        ReciprocalCondition = _fullRcond = c->RCond;
    }

    // KLU flags only exact zero pivots; round-off leaves ~1e-16 on a floating sub-network, so also
    // compare each pivot with its column of the row-scaled matrix KLU factors. O(nnz), far below factor cost.
    private int FindNegligiblePivot()
    {
        double* ud = _h.Numeric->Udiag, rs = _h.Numeric->Rs, ax = _h.Ax;
        int* q = _h.Symbolic->Q, pinv = _h.Numeric->Pinv, ap = _h.Ap, ai = _h.Ai;
        double tol = PivotTolerance;
        for (int k = 0; k < _n; k++)
        {
            int j = q[k];
            double colMax = 0;
            for (int p = ap[j]; p < ap[j + 1]; p++)
            {
                double r = rs == null ? 1 : rs[pinv[ai[p]]]; // KLU stores Rs in pivot order
                if (r == 0) r = 1;
                double a = Math.Abs(ax[p]) / r;
                if (a > colMax) colMax = a;
            }
            if (!(Math.Abs(ud[k]) > tol * colMax)) return j; // also catches NaN and all-zero columns
        }
        return -1;
    }

    /// <summary>Owns the native KLU objects so they are freed even if Dispose is never called.</summary>
    private sealed class KluHandle : SafeHandle
    {
        public KluCommon* Common;
        public KluSymbolic* Symbolic;
        public KluNumeric* Numeric;
        public int* Ap, Ai;
        public double* Ax;

        public KluHandle() : base(IntPtr.Zero, ownsHandle: true)
        {
            Common = (KluCommon*)NativeMemory.AllocZeroed((nuint)sizeof(KluCommon));
            SetHandle((IntPtr)Common);
            KluNative.Defaults(Common);
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        public void AllocPattern(int n, int nnz)
        {
            Ap = (int*)NativeMemory.Alloc((nuint)(n + 1), sizeof(int));
            Ai = (int*)NativeMemory.Alloc((nuint)Math.Max(nnz, 1), sizeof(int));
            Ax = (double*)NativeMemory.AllocZeroed((nuint)Math.Max(nnz, 1), sizeof(double));
        }

        public void FreeNumeric()
        {
            if (Numeric == null) return;
            KluNumeric* p = Numeric;
            KluNative.FreeNumeric(&p, Common);
            Numeric = null;
        }

        public void FreeFactors()
        {
            FreeNumeric();
            if (Symbolic == null) return;
            KluSymbolic* s = Symbolic;
            KluNative.FreeSymbolic(&s, Common);
            Symbolic = null;
        }

        public void FreePattern()
        {
            NativeMemory.Free(Ap); NativeMemory.Free(Ai); NativeMemory.Free(Ax);
            Ap = null; Ai = null; Ax = null;
        }

        protected override bool ReleaseHandle()
        {
            FreeFactors();
            FreePattern();
            NativeMemory.Free(Common);
            Common = null;
            return true;
        }
    }
}
