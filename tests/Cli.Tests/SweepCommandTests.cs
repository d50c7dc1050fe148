using System.Globalization;
using System.Text.Json;
using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

public class SweepCommandTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The Digits inference experiment cut down to two test samples and a short presentation window.</summary>
    private static string TinyInference(TempDirectory dir)
    {
        string file = dir.File("inference.yaml");
        File.WriteAllText(file, $"""
            name: tiny
            seed: 3
            dataset:
              path: {RepoPaths.Data("digits.csv.gz")}
              max_test_samples: 2
            encoder:
              window: 0.02
            """);
        return file;
    }

    private static string TinyPulseStudy(TempDirectory dir)
    {
        string file = dir.File("study.yaml");
        File.WriteAllText(file, """
            kind: pulse-study
            name: tiny-study
            seed: 11
            devices:
              count: 8
            pulse:
              count: 6
            """);
        return file;
    }

    private static double Metric(string summaryJson, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(summaryJson));
        return doc.RootElement.GetProperty(name).GetDouble();
    }

    [Fact]
    public void Grid_of_two_by_two_points_with_two_repeats_aggregates_the_repeats()
    {
        using var dir = new TempDirectory();
        string outDir = dir.File("sweep");
        var r = CliRun.Invoke("sweep", TinyInference(dir), "--set", "crossbar.line_resistance=1,5", "--set", "crossbar.read_voltage=0.1,0.2",
            "--repeats", "2", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Err);

        var csv = CsvFile.Read(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal(4, csv.Rows.Count);
        Assert.Equal([1, 1, 5, 5], csv.Column("crossbar.line_resistance"));
        Assert.Equal([0.1, 0.2, 0.1, 0.2], csv.Column("crossbar.read_voltage"));
        Assert.All(csv.Column("repeats"), n => Assert.Equal(2, n));

        for (int p = 0; p < 4; p++)
        {
            string point = Path.Combine(outDir, $"point-00{p}");
            // Each repeat is a complete run of the point's configuration, repeat 0 with the file's seed, repeat 1 with another.
            using var config0 = JsonDocument.Parse(File.ReadAllText(Path.Combine(point, "repeat-0", "config.json")));
            using var config1 = JsonDocument.Parse(File.ReadAllText(Path.Combine(point, "repeat-1", "config.json")));
            Assert.Equal(3UL, config0.RootElement.GetProperty("seed").GetUInt64());
            Assert.NotEqual(3UL, config1.RootElement.GetProperty("seed").GetUInt64());
            Assert.Equal(csv.Column("crossbar.line_resistance")[p], config1.RootElement.GetProperty("crossbar").GetProperty("line_resistance").GetDouble());
            Assert.Equal(csv.Column("crossbar.read_voltage")[p], config1.RootElement.GetProperty("crossbar").GetProperty("read_voltage").GetDouble());

            // The aggregate against the two repeats' own summaries.
            double e0 = Metric(Path.Combine(point, "repeat-0", "summary.json"), "mean_energy_per_read");
            double e1 = Metric(Path.Combine(point, "repeat-1", "summary.json"), "mean_energy_per_read");
            Assert.NotEqual(e0, e1);
            Assert.Equal((e0 + e1) / 2, csv.Column("mean_energy_per_read_mean")[p], Math.Abs(e0) * 1e-12);
            Assert.Equal(Math.Abs(e0 - e1) / Math.Sqrt(2), csv.Column("mean_energy_per_read_std")[p], Math.Abs(e0) * 1e-9);
            double a0 = Metric(Path.Combine(point, "repeat-0", "summary.json"), "accuracy");
            double a1 = Metric(Path.Combine(point, "repeat-1", "summary.json"), "accuracy");
            Assert.Equal((a0 + a1) / 2, csv.Column("accuracy_mean")[p], 1e-12);
        }
        // Energy per read grows with the read voltage (∝ V²): the sweep must have changed the runs.
        Assert.True(csv.Column("mean_energy_per_read_mean")[1] > 3 * csv.Column("mean_energy_per_read_mean")[0]);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "sweep.json")));
        Assert.Equal(4, json.RootElement.GetProperty("points").GetArrayLength());
        foreach (var png in new[] { "sweep-accuracy.png", "sweep-mean_energy_per_read.png" })
            Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(outDir, png))[..8]);
    }

    [Theory]
    [InlineData("crossbar.line_resistanse=1,2", "crossbar.line_resistanse")]
    [InlineData("crossbar.line_resistance=abc", "crossbar.line_resistance")]
    [InlineData("dataset.max_test_samples=1.5", "dataset.max_test_samples")]
    [InlineData("crossbar.g_min=-1e-6", "crossbar.g_min")]
    [InlineData("encoderr.window=1", "encoderr.window")]
    public void Unknown_key_or_wrong_value_is_an_error_naming_the_key(string set, string key)
    {
        using var dir = new TempDirectory();
        string outDir = dir.File("sweep");
        var r = CliRun.Invoke("sweep", TinyInference(dir), "--set", set, "--out", outDir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"'{key}'", r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.False(Directory.Exists(outDir), "nothing may run before every point is valid");
    }

    [Fact]
    public void Pulse_study_keys_reach_into_lists_and_a_resumed_sweep_skips_finished_points()
    {
        using var dir = new TempDirectory();
        string file = TinyPulseStudy(dir), outDir = dir.File("sweep"), fresh = dir.File("fresh");
        string[] args = ["sweep", file, "--set", "variability.device_to_device.0.spread=0,0.3,0.6", "--repeats", "2", "--out", outDir];
        var first = CliRun.Invoke(args);
        Assert.True(first.ExitCode == 0, first.Err);
        var csv = CsvFile.Read(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal([0, 0.3, 0.6], csv.Column("variability.device_to_device.0.spread"));
        // A wider slope spread gives a wider conductance spread.
        var spread = csv.Column("final_conductance_std_mean");
        Assert.True(spread[0] < spread[1] && spread[1] < spread[2], string.Join(", ", spread));

        // Interrupt point 2 after its first repeat: no point summary, no second repeat.
        string point2 = Path.Combine(outDir, "point-002");
        File.Delete(Path.Combine(point2, "summary.json"));
        Directory.Delete(Path.Combine(point2, "repeat-1"), recursive: true);
        string finished = Path.Combine(outDir, "point-000", "summary.json"), reused = Path.Combine(point2, "repeat-0", "summary.json");
        var stamps = new[] { finished, reused }.Select(File.GetLastWriteTimeUtc).ToArray();
        Thread.Sleep(50);

        var resumed = CliRun.Invoke(args);
        Assert.True(resumed.ExitCode == 0, resumed.Err);
        var lines = resumed.Err.Split('\n');
        Assert.Equal(2, lines.Count(l => l.Contains("finished earlier, skipped")));
        Assert.Single(lines, l => l.Contains("finished earlier, reused"));
        Assert.Single(lines, l => l.Contains("(seed ")); // the one run that was missing
        Assert.Equal(stamps, new[] { finished, reused }.Select(File.GetLastWriteTimeUtc).ToArray());

        // The resumed sweep equals an uninterrupted one, bit for bit.
        Assert.Equal(0, CliRun.Invoke(["sweep", file, "--set", "variability.device_to_device.0.spread=0,0.3,0.6", "--repeats", "2", "--out", fresh]).ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(fresh, "sweep.csv")), File.ReadAllText(Path.Combine(outDir, "sweep.csv")));

        // Another sweep into the same folder is refused rather than mixed in.
        var other = CliRun.Invoke("sweep", file, "--set", "pulse.amplitude=1.4,1.6", "--out", outDir);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("another configuration", other.Err);
    }

    [Fact]
    public void Sampled_points_are_reproducible_and_more_samples_keep_the_earlier_ones()
    {
        using var dir = new TempDirectory();
        string file = TinyPulseStudy(dir);
        CsvFile Sweep(string name, int samples)
        {
            string outDir = dir.File(name);
            var r = CliRun.Invoke("sweep", file, "--sample", "pulse.amplitude=uniform(1.2,2)", "--samples", samples.ToString(CultureInfo.InvariantCulture),
                "--metric", "final_conductance_mean,energy_per_pulse_mean", "--out", outDir);
            Assert.True(r.ExitCode == 0, r.Err);
            Assert.True(File.Exists(Path.Combine(outDir, "sweep-energy_per_pulse_mean.png")));
            return CsvFile.Read(Path.Combine(outDir, "sweep.csv"));
        }
        var three = Sweep("three", 3);
        var four = Sweep("four", 4);
        var amplitudes = three.Column("pulse.amplitude");
        Assert.Equal(3, amplitudes.Distinct().Count());
        Assert.All(amplitudes, a => Assert.InRange(a, 1.2, 2));
        Assert.Equal(amplitudes, four.Column("pulse.amplitude")[..3]);
        Assert.Equal(three.Column("final_conductance_mean_mean"), four.Column("final_conductance_mean_mean")[..3]);
        // Energy per pulse of an ohmic device rises with the amplitude.
        var order = amplitudes.Select((a, i) => (a, e: three.Column("energy_per_pulse_mean_mean")[i])).OrderBy(t => t.a).ToArray();
        Assert.True(order[0].e < order[1].e && order[1].e < order[2].e);
    }

    [Fact]
    public void Quantiles_interpolate_between_order_statistics()
    {
        // NumPy: np.quantile([4, 1, 3, 2], [0.05, 0.5, 0.95]) = [1.15, 2.5, 3.85]; sample std of 1..4 = √(5/3).
        var s = Sweeps.SummaryStatistics.Of([4.0, 1, 3, 2]);
        Assert.Equal(1.15, s.Q05, 1e-12);
        Assert.Equal(2.5, s.Q50, 1e-12);
        Assert.Equal(3.85, s.Q95, 1e-12);
        Assert.Equal(2.5, s.Mean, 1e-12);
        Assert.Equal(Math.Sqrt(5.0 / 3), s.Std, 1e-12);
    }

    [Fact]
    public void Help_lists_the_options()
    {
        var r = CliRun.Invoke("sweep", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var option in new[] { "--set", "--sample", "--samples", "--repeats", "--metric", "--out" }) Assert.Contains(option, r.Out);
        Assert.Contains("sweep", CliRun.Invoke("--help").Out);
    }
}
