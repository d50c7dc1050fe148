using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CircuitNeuro.Neurons.Tests;

/// <summary>Runs brian2_scripts/lif_reference.py (not named "brian2": a folder of that name beside the tests would shadow the brian2 package in the import probe) with a Python that can import brian2, and parses its JSON output.</summary>
internal static class Brian2Reference
{
    public sealed record Result(double[] SpikeTimes, double[] SampleTimes, double[] Potential);

    private const string SetupHint =
        "The Brian2 comparison needs python3 with brian2 (Debian package python3-brian). Run scripts/setup.sh, " +
        "or set CIRCUITNEURO_PYTHON to a python that can 'import brian2'.";

    private static readonly Lazy<string?> Python = new(FindPython);

    public static Result Run(JsonObject parameters)
    {
        string python = Python.Value ?? throw new Xunit.Sdk.XunitException($"No python with brian2 found (tried {string.Join(", ", Candidates())}). {SetupHint}");
        string script = FindScript();
        string json = parameters.ToJsonString();
        var (exit, stdout, stderr) = Execute(python, [script, json], TimeSpan.FromMinutes(5));
        if (exit != 0) throw new Xunit.Sdk.XunitException($"{script} failed (exit {exit}).\n{stderr}");
        string line = stdout.Split('\n').Last(l => l.TrimStart().StartsWith('{'));
        var root = JsonNode.Parse(line)!;
        static double[] Array(JsonNode node) => node.AsArray().Select(x => x!.GetValue<double>()).ToArray();
        return new Result(Array(root["spike_times"]!), Array(root["sample_times"]!), Array(root["v"]!));
    }

    private static IEnumerable<string> Candidates()
    {
        string? configured = Environment.GetEnvironmentVariable("CIRCUITNEURO_PYTHON");
        if (!string.IsNullOrWhiteSpace(configured)) yield return configured;
        yield return "python3";
        // Debian's python3-brian lives in the system interpreter, which a pyenv/venv python3 on PATH may hide.
        yield return "/usr/bin/python3";
    }

    private static string? FindPython()
    {
        foreach (string candidate in Candidates())
        {
            try
            {
                var (exit, _, _) = Execute(candidate, ["-c", "import brian2"], TimeSpan.FromMinutes(2));
                if (exit == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception) { } // not installed
        }
        return null;
    }

    private static string FindScript()
    {
        const string relative = "brian2_scripts/lif_reference.py";
        string besideTests = Path.Combine(AppContext.BaseDirectory, relative);
        if (File.Exists(besideTests)) return besideTests;
        // Fall back to the source tree (the test assembly sits under tests/Neurons.Tests/bin/...).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Neurons.Tests", relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new Xunit.Sdk.XunitException($"Cannot find {relative} next to the tests or in the source tree.");
    }

    private static (int Exit, string Stdout, string Stderr) Execute(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{file} timed out after {timeout}.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static JsonObject Parameters(Lif.LifParameters p, double current, double duration, double dt, int sampleEvery) => new()
    {
        ["tau_m"] = p.TauMembrane, ["v_rest"] = p.RestingPotential, ["v_reset"] = p.ResetPotential, ["v_th"] = p.Threshold,
        ["r_m"] = p.Resistance, ["t_ref"] = p.RefractoryPeriod, ["i_ext"] = current,
        ["duration"] = duration, ["dt"] = dt, ["sample_every"] = sampleEvery,
    };
}
