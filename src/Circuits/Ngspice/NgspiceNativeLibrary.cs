using System.Runtime.InteropServices;

namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>
/// Locates and loads libngspice and resolves the sharedspice.h entry points as unmanaged
/// function pointers (no delegates, so nothing for the GC to collect).
/// </summary>
internal sealed unsafe class NgspiceNativeLibrary
{
    /// <summary>Environment variable that can name the shared library explicitly.</summary>
    public const string LibraryEnvironmentVariable = "CIRCUITNEURO_LIBNGSPICE";

    private NgspiceNativeLibrary(nint handle, string loadedFrom)
    {
        Handle = handle;
        LoadedFrom = loadedFrom;
        Init = (delegate* unmanaged[Cdecl]<void*, void*, void*, void*, void*, void*, void*, int>)Export("ngSpice_Init");
        Circ = (delegate* unmanaged[Cdecl]<byte**, int>)Export("ngSpice_Circ");
        Command = (delegate* unmanaged[Cdecl]<byte*, int>)Export("ngSpice_Command");
        GetVecInfo = (delegate* unmanaged[Cdecl]<byte*, VectorInfo*>)Export("ngGet_Vec_Info");
        CurPlot = (delegate* unmanaged[Cdecl]<byte*>)Export("ngSpice_CurPlot");
        AllPlots = (delegate* unmanaged[Cdecl]<byte**>)Export("ngSpice_AllPlots");
        AllVecs = (delegate* unmanaged[Cdecl]<byte*, byte**>)Export("ngSpice_AllVecs");
    }

    public nint Handle { get; }
    public string LoadedFrom { get; }

    public readonly delegate* unmanaged[Cdecl]<void*, void*, void*, void*, void*, void*, void*, int> Init;
    public readonly delegate* unmanaged[Cdecl]<byte**, int> Circ;
    public readonly delegate* unmanaged[Cdecl]<byte*, int> Command;
    public readonly delegate* unmanaged[Cdecl]<byte*, VectorInfo*> GetVecInfo;
    public readonly delegate* unmanaged[Cdecl]<byte*> CurPlot;
    public readonly delegate* unmanaged[Cdecl]<byte**> AllPlots;
    public readonly delegate* unmanaged[Cdecl]<byte*, byte**> AllVecs;

    /// <summary>sharedspice.h <c>vector_info</c>. v_flags is a short in C; padding keeps offsets identical.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct VectorInfo
    {
        public byte* Name;
        public int Type;
        public short Flags;
        public double* RealData;
        public double* ComplexData; // ngcomplex_t[]: (real, imag) pairs
        public int Length;
    }

    public const short VfReal = 1;
    public const short VfComplex = 2;

    /// <summary>Library names tried in order (after the environment override).</summary>
    public static IEnumerable<string> CandidateNames()
    {
        string? env = Environment.GetEnvironmentVariable(LibraryEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) yield return env;
        yield return "libngspice.so.0";
        yield return "libngspice.so";
        yield return "/usr/lib/x86_64-linux-gnu/libngspice.so.0";
        yield return "/usr/lib/aarch64-linux-gnu/libngspice.so.0";
        yield return "/usr/local/lib/libngspice.so.0";
        yield return "/usr/local/lib/libngspice.so";
        yield return "libngspice.dylib";
        yield return "libngspice.0.dylib";
        yield return "ngspice.dll";
        yield return "ngspice";
    }

    /// <summary>Loads the library; returns null and a reason when none of the candidates load.</summary>
    public static NgspiceNativeLibrary? TryLoad(out string reason)
    {
        var tried = new List<string>();
        foreach (string name in CandidateNames())
        {
            if (!NativeLibrary.TryLoad(name, out nint handle)) { tried.Add(name); continue; }
            try
            {
                var lib = new NgspiceNativeLibrary(handle, name);
                reason = "";
                return lib;
            }
            catch (EntryPointNotFoundException e)
            {
                tried.Add($"{name} (loaded, but {e.Message})");
                NativeLibrary.Free(handle);
            }
        }
        reason = "the ngspice shared library (libngspice.so.0, Debian package libngspice0) could not be loaded; tried: "
                 + string.Join(", ", tried);
        return null;
    }

    private nint Export(string name) =>
        NativeLibrary.TryGetExport(Handle, name, out nint p)
            ? p
            : throw new EntryPointNotFoundException($"export {name} is missing");
}
