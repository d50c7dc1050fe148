using System.Globalization;
using System.Text.Json;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

public class PulseStudyCommandTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A threshold-device study: η = 0 (linear), so a rectangular pulse moves G by exactly S·(V − Vth)·width.</summary>
    private static string Study(TempDirectory dir, int devices, int pulses, string shape, string deviceToDevice, double writeNoise = 0, ulong seed = 5)
    {
        string file = dir.File($"study-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, $"""
            kind: pulse-study
            name: test-study
            seed: {seed}
            devices:
              count: {devices}
              model: threshold
            pulse:
              shape: {shape}
              amplitude: 1.5
              width: 100e-9
              count: {pulses}
            threshold:
              slope_positive: 60
              eta_positive: 0
            variability:
              device_to_device: {deviceToDevice}
              write_noise: {writeNoise.ToString(CultureInfo.InvariantCulture)}
            """);
        return file;
    }

    [Fact]
    public void Default_study_with_a_tiny_population_writes_csv_json_and_png()
    {
        using var dir = new TempDirectory();
        string outDir = dir.File("out");
        var r = CliRun.Invoke("pulse-study", "--devices", "3", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("conductance after the train", r.Out);

        var pulses = CsvFile.Read(Path.Combine(outDir, "pulses.csv"));
        Assert.Equal(41, pulses.Rows.Count); // before the train, then 40 pulses
        Assert.Equal(Enumerable.Range(0, 41).Select(k => (double)k), pulses.Column("pulse"));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(3, summary.RootElement.GetProperty("devices").GetInt32());
        Assert.Equal(pulses.Column("conductance_mean_s")[^1], summary.RootElement.GetProperty("final_conductance_mean").GetDouble());
        Assert.Equal(4, File.ReadAllLines(Path.Combine(outDir, "devices.csv")).Length);
        using var perPulse = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "pulses.json")));
        Assert.Equal(41, perPulse.RootElement.GetArrayLength());
        Assert.Equal(pulses.Column("conductance_q95_s")[7], perPulse.RootElement[7].GetProperty("conductance").GetProperty("q95").GetDouble());
        foreach (var png in new[] { "conductance.png", "energy.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(outDir, png));
            Assert.True(bytes.Length > 1000, png);
            Assert.Equal(PngSignature, bytes[..8]);
        }
    }

    [Theory]
    [InlineData("rectangular")]
    [InlineData("triangular")]
    [InlineData("pwl")]
    public void Without_variability_every_device_follows_the_single_device_integration(string shape)
    {
        using var dir = new TempDirectory();
        string outDir = dir.File("out");
        var r = CliRun.Invoke("pulse-study", Study(dir, devices: 4, pulses: 12, shape, deviceToDevice: "[]"), "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Err);

        // The same device and pulse, integrated here directly.
        var model = new ThresholdMemristor(new ThresholdMemristorParameters { SlopePositive = 60, EtaPositive = 0 });
        var device = new MemristorDevice(model, model.MinState);
        ProgrammingPulse pulse = shape switch
        {
            "rectangular" => new RectangularPulse(1.5, 100e-9),
            "triangular" => new TriangularPulse(1.5, 100e-9),
            _ => new PwlPulse(1.5, 100e-9, [0, 0.5, 0.5, 1], [1, 1, -0.5, -0.5]),
        };
        var expectedG = new List<double> { device.ReadConductance() };
        var expectedE = new List<double> { 0 };
        for (int k = 0; k < 12; k++)
        {
            expectedE.Add(new PulseIntegrator().Apply(device, pulse).DeliveredEnergy);
            expectedG.Add(device.ReadConductance());
        }
        Assert.True(expectedG[^1] > 1.5 * expectedG[0], "the pulses should move the device");

        var csv = CsvFile.Read(Path.Combine(outDir, "pulses.csv"));
        var mean = csv.Column("conductance_mean_s");
        for (int k = 0; k <= 12; k++)
        {
            Assert.Equal(expectedG[k], mean[k], expectedG[k] * 1e-12);
            Assert.Equal(0, csv.Column("conductance_std_s")[k]);
            Assert.Equal(csv.Column("conductance_q05_s")[k], csv.Column("conductance_q95_s")[k]);
            Assert.Equal(expectedE[k], csv.Column("energy_mean_j")[k], Math.Max(expectedE[k], 1e-30) * 1e-9);
            Assert.Equal(0, csv.Column("energy_std_j")[k]);
        }
    }

    [Fact]
    public void Normal_spread_of_the_slope_spreads_the_conductance_as_predicted()
    {
        // G after n rectangular pulses = Gmin + n·S·f·(V − Vth)·width with f ~ N(1, 0.2²) per device (linear, below Gmax):
        // mean Gmin + 1.5e-5 S, std 0.2·1.5e-5 S. Bounds: 4 standard errors (false failure ≈ 6e-5 each).
        const int n = 400;
        using var dir = new TempDirectory();
        string outDir = dir.File("out");
        string variation = "[{parameter: slope_positive, distribution: normal, spread: 0.2}]";
        var r = CliRun.Invoke("pulse-study", Study(dir, devices: n, pulses: 5, "rectangular", variation), "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Err);

        double step = 5 * 60 * 0.5 * 100e-9, expectedMean = 1e-5 + step, expectedStd = 0.2 * step;
        var pulses = CsvFile.Read(Path.Combine(outDir, "pulses.csv"));
        double mean = pulses.Column("conductance_mean_s")[^1], std = pulses.Column("conductance_std_s")[^1];
        Assert.True(std > 0);
        Assert.True(Math.Abs(mean - expectedMean) < 4 * expectedStd / Math.Sqrt(n), $"mean {mean} vs {expectedMean}");
        Assert.True(Math.Abs(std - expectedStd) < 4 * expectedStd / Math.Sqrt(2.0 * (n - 1)), $"std {std} vs {expectedStd}");

        // The statistics of the last row, recomputed here from every device's final conductance (type-7 quantiles).
        var finals = File.ReadAllLines(Path.Combine(outDir, "devices.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)).OrderBy(g => g).ToArray();
        Assert.Equal(n, finals.Length);
        double m = finals.Average();
        double s = Math.Sqrt(finals.Sum(g => (g - m) * (g - m)) / (n - 1));
        double Quantile(double p) { double h = (n - 1) * p; int lo = (int)h; return finals[lo] + (h - lo) * (finals[lo + 1] - finals[lo]); }
        Assert.Equal(m, mean, m * 1e-12);
        Assert.Equal(s, std, s * 1e-9);
        Assert.Equal(Quantile(0.05), pulses.Column("conductance_q05_s")[^1], 1e-18);
        Assert.Equal(Quantile(0.5), pulses.Column("conductance_q50_s")[^1], 1e-18);
        Assert.Equal(Quantile(0.95), pulses.Column("conductance_q95_s")[^1], 1e-18);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_results_and_another_seed_does_not()
    {
        using var dir = new TempDirectory();
        string variation = "[{parameter: slope_positive, distribution: lognormal, spread: 0.3}, {parameter: threshold_positive, distribution: uniform, spread: 0.05}]";
        string a = dir.File("a"), b = dir.File("b"), c = dir.File("c");
        Assert.Equal(0, CliRun.Invoke("pulse-study", Study(dir, 6, 8, "triangular", variation, writeNoise: 0.01), "--out", a).ExitCode);
        Assert.Equal(0, CliRun.Invoke("pulse-study", Study(dir, 6, 8, "triangular", variation, writeNoise: 0.01), "--out", b).ExitCode);
        Assert.Equal(0, CliRun.Invoke("pulse-study", Study(dir, 6, 8, "triangular", variation, writeNoise: 0.01, seed: 6), "--out", c).ExitCode);
        foreach (var f in new[] { "pulses.csv", "devices.csv", "summary.json" })
            Assert.Equal(File.ReadAllText(Path.Combine(a, f)), File.ReadAllText(Path.Combine(b, f)));
        Assert.NotEqual(File.ReadAllText(Path.Combine(a, "pulses.csv")), File.ReadAllText(Path.Combine(c, "pulses.csv")));
    }

    [Fact]
    public void Print_default_round_trips_through_the_loader()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("pulse-study", "--print-default");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("kind: pulse-study", r.Out);
        string file = dir.File("default.yaml");
        File.WriteAllText(file, r.Out);
        var cfg = Experiments.PulseStudyFile.Load(file);
        Assert.Equal(Experiments.PulseStudyResult.ConfigJson(new Experiments.PulseStudyConfig()), Experiments.PulseStudyResult.ConfigJson(cfg));
    }

    [Fact]
    public void Unknown_variation_parameter_is_an_error_naming_the_key()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("pulse-study", Study(dir, 2, 2, "rectangular", "[{parameter: slope_positiv, distribution: normal, spread: 0.1}]"), "--out", dir.File("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("variability.device_to_device.0.parameter 'slope_positiv'", r.Err);
        Assert.Contains("slope_positive", r.Err); // the list of known parameters
    }

    [Theory]
    [InlineData("as_printed", 0)]
    [InlineData("printed", 0)] // the older spelling, still used by older eqspike files
    [InlineData("saturating", 0)]
    [InlineData("linear", 2)]
    public void Threshold_convention_accepts_one_set_of_names_everywhere(string convention, int exitCode)
    {
        using var dir = new TempDirectory();
        string file = Study(dir, 2, 2, "rectangular", "[]");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  eta_positive: 0", $"  eta_positive: 0\n  convention: {convention}"));
        var r = CliRun.Invoke("pulse-study", file, "--out", dir.File("out"));
        Assert.True(r.ExitCode == exitCode, r.Err);
        if (exitCode != 0) Assert.Contains($"convention '{convention}' is not one of as_printed|saturating", r.Err);
    }

    /// <summary>
    /// Each model's key that sets the read conductance, varied by a lognormal factor (σ = 0.2, so the conductance's
    /// coefficient of variation is ≈ 0.2): the variation must reach the model. With 200 devices the sample CV lies
    /// within 0.2 ± 0.05 (about 4.5 standard errors).
    /// </summary>
    [Theory]
    [InlineData("threshold", "g_min", 0)]
    [InlineData("vteam", "r_on", 0)]
    [InlineData("yakopcic", "a1", 0.5)]
    [InlineData("vdsp", "gmax", 0)]
    public void Every_model_takes_device_to_device_variations_of_its_parameters(string model, string key, double initialState)
    {
        using var dir = new TempDirectory();
        string file = dir.File("model.yaml"), outDir = dir.File("out");
        File.WriteAllText(file, $$"""
            devices: {count: 200, model: {{model}}, initial_state: {{initialState.ToString(CultureInfo.InvariantCulture)}}}
            pulse: {amplitude: 0.05, width: 10e-9, count: 2}
            variability: {device_to_device: [{parameter: {{key}}, distribution: lognormal, spread: 0.2}], write_noise: 0}
            """);
        var r = CliRun.Invoke("pulse-study", file, "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Err);
        var csv = CsvFile.Read(Path.Combine(outDir, "pulses.csv"));
        double cv = csv.Column("conductance_std_s")[0] / csv.Column("conductance_mean_s")[0];
        Assert.InRange(cv, 0.15, 0.25);
    }

    [Fact]
    public void Help_lists_the_options()
    {
        var r = CliRun.Invoke("pulse-study", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var option in new[] { "--out", "--devices", "--print-default" }) Assert.Contains(option, r.Out);
    }
}
