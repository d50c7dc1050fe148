using System.Globalization;
using System.Text.RegularExpressions;
using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

public class SimulateCommandTests
{
    [Fact]
    public void Divider_WritesOperatingPointCsv_WithHandValues()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("simulate", RepoPaths.Netlist("divider.cir"), "--out", dir.Path);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);
        var csv = CsvFile.Read(dir.File("op.csv"));
        Assert.Equal(["index", "v(in)", "v(out)", "i(v1)"], csv.Header);
        Assert.Single(csv.Rows);
        // 10 V across 1k + 2k: V(out) = 20/3 V, the source delivers 10/3 mA (negative in SPICE's sign).
        Assert.Equal(10.0, csv.Column("v(in)")[0], 12);
        Assert.Equal(20.0 / 3, csv.Column("v(out)")[0], 12);
        Assert.Equal(-10.0 / 3000, csv.Column("i(v1)")[0], 15);
        Assert.Contains("6.666667 V", r.Out);
        Assert.Contains("-3.333333 mA", r.Out);
    }

    [Fact]
    public void RcStep_WritesTransientCsv_AndEnergyLedger()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("simulate", RepoPaths.Netlist("rc_step.cir"), "-o", dir.Path);

        Assert.Equal(0, r.ExitCode);
        var csv = CsvFile.Read(dir.File("tran.csv"));
        Assert.Equal(["time", "v(in)", "v(out)", "i(v1)"], csv.Header);
        var time = csv.Column("time");
        var vout = csv.Column("v(out)");
        Assert.Equal(0, time[0]);
        Assert.Equal(5e-3, time[^1], 15);
        Assert.True(time.Zip(time.Skip(1)).All(p => p.Second > p.First), "time must increase");
        // τ = RC = 1 ms: V(out)(τ) = 1 − 1/e, V(out)(5τ) = 1 − e⁻⁵.
        Assert.Equal(1 - Math.Exp(-1), Interpolate(time, vout, 1e-3), 4);
        Assert.Equal(1 - Math.Exp(-5), vout[^1], 4);

        // Energy from the ideal step into the RC over 5τ: E = C·V²·(1 − e⁻⁵), half of it stored, half burnt.
        double delivered = EnergyRow(r.Out, "v1", "delivered");
        Assert.Equal(1e-6 * (1 - Math.Exp(-5)), delivered, 1e-9);
        Assert.Equal(0.5e-6 * Math.Pow(1 - Math.Exp(-5), 2), EnergyRow(r.Out, "capacitor", "stored"), 1e-9);
    }

    /// <summary>Runs <c>simulate</c> on a netlist written to a temporary file of that name.</summary>
    private static CliResult SimulateText(string fileName, string netlist)
    {
        using var dir = new TempDirectory();
        string path = dir.File(fileName);
        File.WriteAllText(path, netlist);
        return CliRun.Invoke("simulate", path, "--out", dir.File("out"));
    }

    [Fact]
    public void MalformedNetlist_ExitCode2_OneLineNamingFileLineAndElement()
    {
        var r = SimulateText("broken.cir", "broken divider\nV1 in 0 DC 10\nR1 in out\nR2 out 0 2k\n.op\n.end\n");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("broken.cir:3", lines[0]);
        Assert.Contains("r1", lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void MissingFile_ExitCode2()
    {
        var r = CliRun.Invoke("simulate", "no/such/netlist.cir");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no/such/netlist.cir", r.Err);
    }

    [Fact]
    public void FloatingNode_ExitCode2_NamesCardAndNode()
    {
        var r = SimulateText("floating.cir", "floating node\nV1 in 0 DC 1\nR1 in 0 1k\nC1 x 0 1u\n.op\n.end\n");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("floating.cir:5", r.Err);
        Assert.Contains("'x'", r.Err);
    }

    [Fact]
    public void UnknownEngine_IsAUsageError()
    {
        var r = CliRun.Invoke("simulate", RepoPaths.Netlist("divider.cir"), "--engine", "hspice");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("hspice", r.Err);
    }

    private static double EnergyRow(string output, string label, string what)
    {
        var m = Regex.Match(output, $@"^\s*{label}\s+(-?[\d.]+(?:E[-+]?\d+)?) (\w*)J\s+{what}", RegexOptions.Multiline);
        Assert.True(m.Success, $"no energy row '{label} … {what}' in:\n{output}");
        double scale = m.Groups[2].Value switch { "" => 1, "m" => 1e-3, "µ" => 1e-6, "n" => 1e-9, "p" => 1e-12, var p => throw new FormatException(p) };
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * scale;
    }

    private static double Interpolate(double[] x, double[] y, double at)
    {
        int i = Array.FindIndex(x, t => t >= at);
        return i == 0 ? y[0] : y[i - 1] + (y[i] - y[i - 1]) * (at - x[i - 1]) / (x[i] - x[i - 1]);
    }
}
