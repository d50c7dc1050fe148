using System.Diagnostics;

namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>Checks whether the ngspice backends can be used on this machine.</summary>
public static class NgspiceAvailability
{
    /// <summary>What to tell the user when ngspice is missing.</summary>
    public const string SetupHint =
        "Install the native dependencies with scripts/setup.sh (Debian packages ngspice, libngspice0, libklu1).";

    private static readonly Lazy<(bool Ok, string Reason)> SharedCheck = new(CheckSharedOnce);
    private static readonly Lazy<(bool Ok, string Reason)> BatchCheck = new(CheckBatchOnce);

    /// <summary>True when both backends work; otherwise <paramref name="reason"/> says what is missing and how to fix it.</summary>
    public static bool Check(out string reason)
    {
        bool shared = CheckShared(out string r1);
        bool batch = CheckBatch(out string r2);
        reason = string.Join(" ", new[] { r1, r2 }.Where(r => r.Length > 0));
        return shared && batch;
    }

    /// <summary>True when libngspice loads and initialises (the result is cached).</summary>
    public static bool CheckShared(out string reason)
    {
        var (ok, r) = SharedCheck.Value;
        reason = r;
        return ok;
    }

    /// <summary>True when the ngspice program starts and reports its version (the result is cached).</summary>
    public static bool CheckBatch(out string reason)
    {
        var (ok, r) = BatchCheck.Value;
        reason = r;
        return ok;
    }

    private static (bool, string) CheckSharedOnce()
    {
        try
        {
            _ = NgspiceShared.Instance;
            return (true, "");
        }
        catch (NgspiceUnavailableException e)
        {
            return (false, "ngspice shared library unavailable: " + e.Message);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            return (false, $"ngspice shared library unavailable: {e.Message}. {SetupHint}");
        }
    }

    private static (bool, string) CheckBatchOnce()
    {
        string exe = new NgspiceBatch().Executable;
        try
        {
            var psi = new ProcessStartInfo(exe)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add("--version");
            using var p = Process.Start(psi)!;
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                return (false, $"'{exe} --version' did not finish within 30 s. {SetupHint}");
            }
            string text = stdout.Result + stderr.Result;
            if (p.ExitCode != 0 || !text.Contains("ngspice", StringComparison.OrdinalIgnoreCase))
                return (false, $"'{exe} --version' failed (exit code {p.ExitCode}). {SetupHint}");
            return (true, "");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, $"ngspice program '{exe}' not found ({e.Message}). {SetupHint}");
        }
    }
}
