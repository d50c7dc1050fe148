using System.Text.Json;
using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

[Collection(NgspiceCollection.Name)]
public class BenchCrossbarCommandTests
{
    [Fact]
    public void SmallSizes_AgreeWithNgspice_AndWriteCsvAndJson()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("bench", "crossbar", "--sizes", "8,16", "--ngspice-max", "16", "--out", dir.Path);

        Assert.True(r.ExitCode == 0, $"exit code {r.ExitCode}\n{r.Out}\n{r.Err}");
        Assert.Contains("N=16", r.Err); // progress goes to stderr

        var csv = CsvFileWithFlags(dir.File("crossbar.csv"));
        Assert.Equal(["8", "16"], csv.Select(row => row["n"]));
        // N×N cells: 2N² line nodes, N driver nodes, N sense nodes, 2N source branches.
        Assert.Equal(["160", "576"], csv.Select(row => row["unknowns"]));
        Assert.All(csv, row => Assert.Equal("true", row["agrees"]));
        Assert.All(csv, row => Assert.InRange(double.Parse(row["max_rel_diff"], System.Globalization.CultureInfo.InvariantCulture), 0, 1e-6));

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("crossbar.json")));
        var results = json.RootElement.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        Assert.Equal(1UL, json.RootElement.GetProperty("seed").GetUInt64());
        Assert.All(results.EnumerateArray(), e => Assert.True(e.GetProperty("ngspiceMs").GetDouble() > 0));
    }

    [Fact]
    public void SizesAboveNgspiceMax_AreBuiltinOnly_AndSaidSo()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("bench", "crossbar", "--sizes", "8,12", "--ngspice-max", "8", "--out", dir.Path);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ngspice skipped for N = 12", r.Out);
        var csv = CsvFileWithFlags(dir.File("crossbar.csv"));
        Assert.Equal("", csv[1]["ngspice_ms"]);
        Assert.Equal("true", csv[0]["agrees"]);
    }

    [Fact]
    public void SameSeed_SameCircuit()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        CliRun.Invoke("bench", "crossbar", "--sizes", "6", "--ngspice-max", "6", "--seed", "7", "--out", a.Path);
        CliRun.Invoke("bench", "crossbar", "--sizes", "6", "--ngspice-max", "6", "--seed", "7", "--out", b.Path);
        Assert.Equal(CsvFileWithFlags(a.File("crossbar.csv"))[0]["max_rel_diff"], CsvFileWithFlags(b.File("crossbar.csv"))[0]["max_rel_diff"]);
    }

    [Fact]
    public void BadSizes_IsAUsageError()
    {
        var r = CliRun.Invoke("bench", "crossbar", "--sizes", "8,x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'x'", r.Err);
    }

    private static List<Dictionary<string, string>> CsvFileWithFlags(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
