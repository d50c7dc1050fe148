using System.Runtime.InteropServices;

namespace CircuitNeuro.Circuits.Solver;

/// <summary>
/// Bindings to SuiteSparse KLU (int32 "klu_" API). The library is loaded explicitly and the entry
/// points are called through unmanaged function pointers: no assembly-wide DllImport resolver
/// (which can be set only once per assembly) and no marshalling stubs on the hot path.
/// Struct layouts match klu.h of SuiteSparse 5.x (KLU 1.3, libklu.so.1), checked by tests.
/// </summary>
public static unsafe class KluNative
{
    public const int KLU_OK = 0;
    public const int KLU_SINGULAR = 1;
    public const int KLU_OUT_OF_MEMORY = -2;
    public const int KLU_INVALID = -3;
    public const int KLU_TOO_LARGE = -4;

    private static readonly string[] Candidates = { "libklu.so.1", "libklu.so.2", "libklu.so", "libklu.dylib", "klu" };

    private static readonly string? LoadError;

    internal static readonly delegate* unmanaged[Cdecl]<KluCommon*, int> Defaults;
    internal static readonly delegate* unmanaged[Cdecl]<int, int*, int*, KluCommon*, KluSymbolic*> Analyze;
    internal static readonly delegate* unmanaged[Cdecl]<int*, int*, double*, KluSymbolic*, KluCommon*, KluNumeric*> Factor;
    internal static readonly delegate* unmanaged[Cdecl]<int*, int*, double*, KluSymbolic*, KluNumeric*, KluCommon*, int> Refactor;
    internal static readonly delegate* unmanaged[Cdecl]<KluSymbolic*, KluNumeric*, int, int, double*, KluCommon*, int> Solve;
    internal static readonly delegate* unmanaged[Cdecl]<KluSymbolic*, KluNumeric*, KluCommon*, int> Rcond;
    internal static readonly delegate* unmanaged[Cdecl]<KluSymbolic**, KluCommon*, int> FreeSymbolic;
    internal static readonly delegate* unmanaged[Cdecl]<KluNumeric**, KluCommon*, int> FreeNumeric;

    static KluNative()
    {
        IntPtr lib = IntPtr.Zero;
        foreach (string name in Candidates)
            if (NativeLibrary.TryLoad(name, typeof(KluNative).Assembly, null, out lib)) break;
        if (lib == IntPtr.Zero)
        {
            LoadError = "KLU library not found (tried " + string.Join(", ", Candidates) + ").";
            return;
        }
        try
        {
            Defaults = (delegate* unmanaged[Cdecl]<KluCommon*, int>)NativeLibrary.GetExport(lib, "klu_defaults");
            Analyze = (delegate* unmanaged[Cdecl]<int, int*, int*, KluCommon*, KluSymbolic*>)NativeLibrary.GetExport(lib, "klu_analyze");
            Factor = (delegate* unmanaged[Cdecl]<int*, int*, double*, KluSymbolic*, KluCommon*, KluNumeric*>)NativeLibrary.GetExport(lib, "klu_factor");
            Refactor = (delegate* unmanaged[Cdecl]<int*, int*, double*, KluSymbolic*, KluNumeric*, KluCommon*, int>)NativeLibrary.GetExport(lib, "klu_refactor");
            Solve = (delegate* unmanaged[Cdecl]<KluSymbolic*, KluNumeric*, int, int, double*, KluCommon*, int>)NativeLibrary.GetExport(lib, "klu_solve");
            Rcond = (delegate* unmanaged[Cdecl]<KluSymbolic*, KluNumeric*, KluCommon*, int>)NativeLibrary.GetExport(lib, "klu_rcond");
            FreeSymbolic = (delegate* unmanaged[Cdecl]<KluSymbolic**, KluCommon*, int>)NativeLibrary.GetExport(lib, "klu_free_symbolic");
            FreeNumeric = (delegate* unmanaged[Cdecl]<KluNumeric**, KluCommon*, int>)NativeLibrary.GetExport(lib, "klu_free_numeric");
        }
        catch (EntryPointNotFoundException e)
        {
            LoadError = "KLU library loaded but an entry point is missing: " + e.Message;
            return;
        }
        LoadError = CheckLayout();
    }

    /// <summary>True when KLU loads and its defaults look like the struct layout we expect.</summary>
    public static bool IsAvailable(out string reason)
    {
        reason = LoadError ?? "";
        return LoadError is null;
    }

    internal static void EnsureAvailable()
    {
        if (LoadError is not null) throw new DllNotFoundException(LoadError);
    }

    // A different klu_common layout would show up as garbage defaults; fail early instead of corrupting memory.
    private static string? CheckLayout()
    {
        KluCommon c = default;
        if (Defaults(&c) != 1 || c.Tol != 0.001 || c.Btf != 1 || c.Ordering != 0 || c.Scale != 2
            || c.HaltIfSingular != 1 || c.Status != KLU_OK)
            return "KLU library loaded but klu_common layout does not match this binding (unsupported KLU version).";
        return null;
    }
}

/// <summary>klu_common (parameters + statistics).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct KluCommon
{
    public double Tol, MemGrow, InitMemAmd, InitMem, MaxWork;
    public int Btf, Ordering, Scale;
    public IntPtr UserOrder, UserData;
    public int HaltIfSingular, Status, NRealloc, StructuralRank, NumericalRank, SingularCol, NOffDiag;
    public double Flops, RCond, CondEst, RGrowth, Work;
    public nuint MemUsage, MemPeak;
}

/// <summary>klu_symbolic; we read Q (final column permutation) and N.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KluSymbolic
{
    public double Symmetry, EstFlops, Lnz, Unz;
    public double* LnzPerBlock;
    public int N, Nz;
    public int* P, Q, R;
    public int NzOff, NBlocks, MaxBlock, Ordering, DoBtf, StructuralRank;
}

/// <summary>klu_numeric; we read Udiag (pivots, in pivot order) and Rs (row scale factors).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KluNumeric
{
    public int N, NBlocks, Lnz, Unz, MaxLnzBlock, MaxUnzBlock;
    public int* Pnum, Pinv, Lip, Uip, Llen, Ulen;
    public void** LUbx;
    public nuint* LUsize;
    public double* Udiag;
    public double* Rs;
    public nuint WorkSize;
    public void* Work, Xwork;
    public int* Iwork, Offp, Offi;
    public void* Offx;
    public int NzOff;
}
