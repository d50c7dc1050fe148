using System.Diagnostics;

namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>
/// ngspice through its command-line program: writes the netlist to a temporary directory, runs
/// <c>ngspice -b -r out.raw netlist.cir</c> and parses the raw file. Each call is its own
/// process, so this backend is safe to use from several threads at once.
/// </summary>
public sealed class NgspiceBatch
{
    /// <summary>Environment variable that can name the ngspice executable explicitly.</summary>
    public const string ExecutableEnvironmentVariable = "CIRCUITNEURO_NGSPICE";

    /// <summary>Executable to start (default: $CIRCUITNEURO_NGSPICE or "ngspice" on PATH).</summary>
    public string Executable { get; init; } =
        Environment.GetEnvironmentVariable(ExecutableEnvironmentVariable) is { Length: > 0 } e ? e : "ngspice";

    /// <summary>Kill ngspice and fail after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Ask for an ASCII raw file (SPICE_ASCIIRAWFILE=1) instead of binary. Binary (default) is
    /// exact; ASCII carries 16 significant digits. Both are parsed.
    /// </summary>
    public bool AsciiRawFile { get; init; }

    /// <summary>Keep the temporary directory (netlist, raw file) for inspection.</summary>
    public bool KeepTemporaryFiles { get; init; }

    /// <summary>The directory of the last run when <see cref="KeepTemporaryFiles"/> is set.</summary>
    public string? LastTemporaryDirectory { get; private set; }

    /// <summary>
    /// Runs all analyses of the netlist and returns the last plot (others in
    /// <see cref="NgspiceResult.Plots"/>), exactly like <see cref="NgspiceShared.RunNetlist"/>.
    /// </summary>
    /// <param name="netlistText">Full netlist: title line first; <c>.end</c> is added if missing.</param>
    /// <param name="baseDirectory">Directory against which relative <c>.include</c> paths are resolved (default: current directory).</param>
    /// <exception cref="NgspiceException">ngspice failed, reported an error or wrote no plot.</exception>
    /// <exception cref="TimeoutException">ngspice ran longer than <see cref="Timeout"/>.</exception>
    /// <exception cref="NgspiceUnavailableException">The executable cannot be started.</exception>
    public NgspiceResult RunNetlist(string netlistText, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(netlistText);
        string text = NgspiceNetlist.EnsureEnd(NgspiceNetlist.ResolveIncludes(netlistText, baseDirectory ?? Directory.GetCurrentDirectory()));

        var dir = Directory.CreateTempSubdirectory("circuitneuro-ngspice-");
        try
        {
            string cir = Path.Combine(dir.FullName, "netlist.cir");
            string raw = Path.Combine(dir.FullName, "out.raw");
            File.WriteAllText(cir, text);

            var psi = new ProcessStartInfo(Executable)
            {
                WorkingDirectory = dir.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add("-b");
            psi.ArgumentList.Add("-r");
            psi.ArgumentList.Add(raw);
            psi.ArgumentList.Add(cir);
            psi.Environment["SPICE_ASCIIRAWFILE"] = AsciiRawFile ? "1" : "0";

            var output = new List<string>();
            var sw = Stopwatch.StartNew();
            using var process = new Process { StartInfo = psi };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new NgspiceUnavailableException($"cannot start '{Executable}': {ex.Message}. {NgspiceAvailability.SetupHint}");
            }
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(Timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                process.WaitForExit();
                throw new TimeoutException($"ngspice did not finish within {Timeout.TotalSeconds:0.#} s");
            }
            process.WaitForExit(); // drain the asynchronous readers
            sw.Stop();

            List<string> lines;
            lock (output) lines = new List<string>(output);
            var errors = NgspiceOutput.ErrorLines(lines);
            if (process.ExitCode != 0 || errors.Count > 0)
                throw new NgspiceException($"ngspice failed (exit code {process.ExitCode})", errors, lines);
            if (!File.Exists(raw))
                throw new NgspiceException("ngspice wrote no raw file (does the netlist have an analysis card?)", errors, lines);

            var plots = NgspiceRawFile.Parse(File.ReadAllBytes(raw));
            if (plots.Count == 0)
                throw new NgspiceException("ngspice produced no plot (does the netlist have an analysis card?)", errors, lines);
            return NgspiceResult.FromPlots("batch", plots, sw.Elapsed, lines);
        }
        finally
        {
            if (KeepTemporaryFiles) LastTemporaryDirectory = dir.FullName;
            else
            {
                try { dir.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    /// <summary>Reads a netlist file and runs it; relative includes resolve against the file's directory.</summary>
    public NgspiceResult RunFile(string path) =>
        RunNetlist(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)));
}
