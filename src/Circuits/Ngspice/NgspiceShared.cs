using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>
/// ngspice through its shared library (libngspice.so.0, sharedspice.h API).
/// <para>
/// The library has process-wide state and is not reentrant, so there is exactly one instance
/// (<see cref="Instance"/>) and every call into it is serialised by a lock: concurrent callers
/// wait for each other. For parallel runs use <see cref="NgspiceBatch"/>.
/// </para>
/// <para>
/// Callbacks are <c>UnmanagedCallersOnly</c> static methods passed as function pointers, so the
/// GC can never collect them. Everything ngspice prints is captured per call; errors are turned
/// into <see cref="NgspiceException"/> with ngspice's own lines.
/// </para>
/// </summary>
public sealed unsafe class NgspiceShared
{
    private static readonly object Gate = new();
    private static readonly object OutputGate = new();
    private static NgspiceShared? _instance;
    private static string? _loadFailure;

    // Written by the callbacks (on the thread that called into ngspice, or its worker thread).
    private static readonly List<string> Output = new();
    private static volatile bool _exitRequested;
    private static int _exitStatus;

    private NgspiceNativeLibrary _lib;
    private string? _deadReason;

    private NgspiceShared(NgspiceNativeLibrary lib)
    {
        _lib = lib;
        InitOutput = Initialise(lib);
    }

    private static List<string> Initialise(NgspiceNativeLibrary lib)
    {
        _exitRequested = false;
        int rc = lib.Init(
            (delegate* unmanaged[Cdecl]<byte*, int, void*, int>)&OnSendChar,
            (delegate* unmanaged[Cdecl]<byte*, int, void*, int>)&OnSendStat,
            (delegate* unmanaged[Cdecl]<int, byte, byte, int, void*, int>)&OnControlledExit,
            null, // SendData: not needed, vectors are read after the run (NULL = no per-point data)
            null, // SendInitData
            (delegate* unmanaged[Cdecl]<byte, int, void*, int>)&OnBackgroundThreadRunning,
            null);
        var output = TakeOutput();
        if (rc != 0) throw new NgspiceUnavailableException($"ngSpice_Init returned {rc}");
        return output;
    }

    /// <summary>
    /// After ControlledExit ngspice "cannot recover and awaits to be detached": unload the
    /// library (dlclose) and load and initialise it again, so one bad netlist does not poison
    /// every later call in the process.
    /// </summary>
    private void Reload()
    {
        try
        {
            NativeLibrary.Free(_lib.Handle);
            var lib = NgspiceNativeLibrary.TryLoad(out string reason)
                      ?? throw new NgspiceUnavailableException(reason);
            Initialise(lib);
            _lib = lib;
            ReloadCount++;
        }
        catch (Exception e) when (e is NgspiceUnavailableException or DllNotFoundException or EntryPointNotFoundException)
        {
            _deadReason = "ngspice requested exit and could not be reloaded: " + e.Message;
        }
    }

    /// <summary>How often the library was unloaded and reloaded after ngspice requested exit.</summary>
    public int ReloadCount { get; private set; }

    /// <summary>The process-wide instance; loads and initialises the library on first use.</summary>
    /// <exception cref="NgspiceUnavailableException">The library cannot be loaded.</exception>
    public static NgspiceShared Instance
    {
        get
        {
            lock (Gate)
            {
                if (_instance is not null) return _instance;
                if (_loadFailure is not null) throw new NgspiceUnavailableException(_loadFailure);
                var lib = NgspiceNativeLibrary.TryLoad(out string reason);
                if (lib is null)
                {
                    _loadFailure = reason + ". " + NgspiceAvailability.SetupHint;
                    throw new NgspiceUnavailableException(_loadFailure);
                }
                _instance = new NgspiceShared(lib);
                return _instance;
            }
        }
    }

    /// <summary>Which file name the library was loaded by.</summary>
    public string LibraryName => _lib.LoadedFrom;

    /// <summary>Lines ngspice printed while initialising (spinit messages and the like).</summary>
    public IReadOnlyList<string> InitOutput { get; }

    /// <summary>
    /// Loads the netlist with ngSpice_Circ, runs all its analyses with a synchronous
    /// <c>run</c>, copies every vector of every resulting plot into managed arrays and removes
    /// circuit and plots again (<c>destroy all</c>, <c>remcirc</c>) so repeated calls do not leak.
    /// Returns the last plot (ngspice's current plot); the others are in <see cref="NgspiceResult.Plots"/>.
    /// </summary>
    /// <param name="netlistText">Full netlist: title line first; <c>.end</c> is added if missing.</param>
    /// <param name="baseDirectory">Directory against which relative <c>.include</c> paths are resolved (default: current directory).</param>
    /// <exception cref="NgspiceException">ngspice reported an error or produced no plot.</exception>
    public NgspiceResult RunNetlist(string netlistText, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(netlistText);
        string text = NgspiceNetlist.EnsureEnd(NgspiceNetlist.ResolveIncludes(netlistText, baseDirectory ?? Directory.GetCurrentDirectory()));
        string[] lines = NgspiceNetlist.Lines(text);

        lock (Gate)
        {
            if (_deadReason is not null)
                throw new NgspiceException(_deadReason, Array.Empty<string>(), Array.Empty<string>());
            TakeOutput();
            try
            {
                int circRc = LoadCircuit(lines);
                var loadOutput = Snapshot();
                var loadErrors = NgspiceOutput.ErrorLines(loadOutput);
                if (circRc != 0 || loadErrors.Count > 0 || _exitRequested)
                    throw new NgspiceException("ngspice could not load the netlist", loadErrors, loadOutput);

                var sw = Stopwatch.StartNew();
                int runRc = Command("run");
                sw.Stop();

                var runOutput = Snapshot();
                var runErrors = NgspiceOutput.ErrorLines(runOutput);
                if (runRc != 0 || runErrors.Count > 0 || _exitRequested)
                    throw new NgspiceException("ngspice simulation failed", runErrors, runOutput);

                var plots = ReadPlots(lines[0].Trim().ToLowerInvariant());
                if (plots.Count == 0)
                    throw new NgspiceException("ngspice produced no plot (does the netlist have an analysis card?)", runErrors, runOutput);
                return NgspiceResult.FromPlots("shared", plots, sw.Elapsed, Snapshot());
            }
            finally
            {
                if (_exitRequested) Reload();
                else
                {
                    Command("destroy all");
                    Command("remcirc");
                }
                TakeOutput();
            }
        }
    }

    /// <summary>Reads a netlist file and runs it; relative includes resolve against the file's directory.</summary>
    public NgspiceResult RunFile(string path) =>
        RunNetlist(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)));

    /// <summary>
    /// Sends one raw command (e.g. "version") and returns what ngspice printed. Serialised with
    /// every other call.
    /// </summary>
    public IReadOnlyList<string> RawCommand(string command)
    {
        lock (Gate)
        {
            if (_deadReason is not null)
                throw new NgspiceException(_deadReason, Array.Empty<string>(), Array.Empty<string>());
            TakeOutput();
            Command(command);
            var output = TakeOutput();
            if (_exitRequested) Reload();
            return output;
        }
    }

    private int LoadCircuit(string[] lines)
    {
        var ptrs = new nint[lines.Length + 1];
        try
        {
            for (int i = 0; i < lines.Length; i++) ptrs[i] = Marshal.StringToCoTaskMemUTF8(lines[i]);
            fixed (nint* p = ptrs) return _lib.Circ((byte**)p);
        }
        finally
        {
            foreach (nint p in ptrs) if (p != 0) Marshal.FreeCoTaskMem(p);
        }
    }

    private int Command(string command)
    {
        int n = Encoding.UTF8.GetMaxByteCount(command.Length) + 1;
        byte* buf = stackalloc byte[n];
        int len = Encoding.UTF8.GetBytes(command, new Span<byte>(buf, n));
        buf[len] = 0;
        return _lib.Command(buf);
    }

    private List<NgspiceResult.PlotData> ReadPlots(string circuitTitle)
    {
        // ngSpice_AllPlots lists the newest plot first; reverse for execution order.
        var names = ReadStringArray(_lib.AllPlots()).Where(n => n != "const").Reverse().ToList();
        var plots = new List<NgspiceResult.PlotData>();
        foreach (string plot in names)
        {
            Command("setplot " + plot);
            var vectors = new List<NgspiceVector>();
            var vecNames = ReadStringArray(AllVecs(plot));
            // ngspice lists vectors newest-first too; the scale (time / sweep) was created first.
            vecNames.Reverse();
            foreach (string vn in vecNames)
            {
                var v = ReadVector(vn);
                if (v is not null) vectors.Add(v);
            }
            plots.Add(new NgspiceResult.PlotData(plot, NgspiceNames.KindFromPlotTypeName(plot), circuitTitle, vectors));
        }
        return plots;
    }

    private byte** AllVecs(string plot)
    {
        byte[] name = Encoding.UTF8.GetBytes(plot + "\0");
        fixed (byte* p = name) return _lib.AllVecs(p);
    }

    private NgspiceVector? ReadVector(string name)
    {
        byte[] n = Encoding.UTF8.GetBytes(name + "\0");
        NgspiceNativeLibrary.VectorInfo* info;
        fixed (byte* p = n) info = _lib.GetVecInfo(p);
        if (info is null) return null;
        int len = Math.Max(info->Length, 0);
        var re = new double[len];
        double[]? im = null;
        if (info->RealData is not null)
        {
            new ReadOnlySpan<double>(info->RealData, len).CopyTo(re);
        }
        else if (info->ComplexData is not null)
        {
            im = new double[len];
            for (int i = 0; i < len; i++)
            {
                re[i] = info->ComplexData[2 * i];
                im[i] = info->ComplexData[2 * i + 1];
            }
        }
        return new NgspiceVector(name, re, im, VectorType(info->Type));
    }

    // ngspice's simvar types (SV_*).
    private static string? VectorType(int type) => type switch
    {
        1 => "time",
        2 => "frequency",
        3 => "voltage",
        4 => "current",
        _ => null,
    };

    private static List<string> ReadStringArray(byte** array)
    {
        var list = new List<string>();
        if (array is null) return list;
        for (int i = 0; array[i] is not null; i++)
            list.Add(Marshal.PtrToStringUTF8((nint)array[i]) ?? "");
        return list;
    }

    private static List<string> Snapshot()
    {
        lock (OutputGate) return new List<string>(Output);
    }

    private static List<string> TakeOutput()
    {
        lock (OutputGate)
        {
            var copy = new List<string>(Output);
            Output.Clear();
            return copy;
        }
    }

    // ---- callbacks -------------------------------------------------------------------------

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSendChar(byte* text, int id, void* user)
    {
        string s = Marshal.PtrToStringUTF8((nint)text) ?? "";
        // ngspice prefixes every line with the stream it would have gone to.
        if (s.StartsWith("stdout ", StringComparison.Ordinal) || s.StartsWith("stderr ", StringComparison.Ordinal)) s = s[7..];
        else if (s is "stdout" or "stderr") s = "";
        lock (OutputGate) Output.Add(s);
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSendStat(byte* text, int id, void* user) => 0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnControlledExit(int status, byte immediate, byte quit, int id, void* user)
    {
        // ngspice wants to exit (fatal error or 'quit'); it does not kill the process in shared
        // mode but cannot be used any more. Record it as an error line; the caller reloads the
        // library once the current call has returned.
        lock (OutputGate) Output.Add($"Error: ngspice requested exit (status {status}{(quit != 0 ? ", quit" : "")})");
        _exitStatus = status;
        _exitRequested = true;
        return status;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBackgroundThreadRunning(byte notRunning, int id, void* user) => 0;
}
