using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

public class EpCommandTests
{
    private const string WriteNoise = "variability:\n  write_noise: 0.001\n";

    /// <summary>A small digits run; <paramref name="sections"/> are appended (variability, programming).</summary>
    private static string Config(TempDirectory dir, int epochs, string sections = WriteNoise, string name = "ep", int trainCount = 300)
    {
        string path = dir.File($"{name}-{epochs}.yaml");
        File.WriteAllText(path, $"""
            name: ep-digits-small
            seed: 5
            dataset: digits
            data: {RepoPaths.Data("digits.csv.gz")}
            train_count: {trainCount}
            test_count: 100
            epochs: {epochs}
            network:
              hidden: [16]
              input_scale: 4
            training:
              learning_rate: 4

            """ + sections);
        return path;
    }

    [Fact]
    public void Interrupted_and_resumed_run_equals_an_uninterrupted_one_bit_for_bit()
    {
        using var dir = new TempDirectory();
        string straight = dir.File("straight"), split = dir.File("split");
        var r = CliRun.Invoke("ep", "train", "--config", Config(dir, 3), "--out", straight);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("3 epochs on digits", r.Out);

        Assert.Equal(0, CliRun.Invoke("ep", "train", "--config", Config(dir, 1), "--out", split).ExitCode);
        var again = CliRun.Invoke("ep", "train", "--config", Config(dir, 3), "--out", split);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--resume", again.Err);
        var resumed = CliRun.Invoke("ep", "train", "--config", Config(dir, 3), "--out", split, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Err);

        var rows = File.ReadAllLines(Path.Combine(straight, "epochs.csv"));
        Assert.Equal(4, rows.Length);
        Assert.Equal(rows, File.ReadAllLines(Path.Combine(split, "epochs.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "checkpoint.bin")), File.ReadAllBytes(Path.Combine(split, "checkpoint.bin")));
        double testError = double.Parse(rows[^1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(testError, 0, 0.5);
        Assert.True(File.Exists(Path.Combine(straight, "summary.json")));
    }

    [Fact]
    public void Pulses_on_devices_that_differ_with_noise_on_every_pulse_resume_bit_for_bit()
    {
        using var dir = new TempDirectory();
        const string pulses = "programming:\n  update: pulses\n  threshold:\n    g_min: 1.0e-7\n    eta_positive: 1\n    eta_negative: 1\n";
        const string spread = "variability:\n  window_spread: 0.1\n  slope_spread: 0.2\n  threshold_spread: 0.1\n  write_noise: 0.0001\n  relative_update_noise: 0.2\n";
        string Config(int epochs) => EpCommandTests.Config(dir, epochs, pulses + spread, "spread", trainCount: 200);
        string straight = dir.File("straight"), split = dir.File("split");
        var r = CliRun.Invoke("ep", "train", "--config", Config(2), "--out", straight);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal(0, CliRun.Invoke("ep", "train", "--config", Config(1), "--out", split).ExitCode);
        var resumed = CliRun.Invoke("ep", "train", "--config", Config(2), "--out", split, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Err);
        var rows = File.ReadAllLines(Path.Combine(straight, "epochs.csv"));
        Assert.Equal(3, rows.Length);
        Assert.Equal(rows, File.ReadAllLines(Path.Combine(split, "epochs.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "checkpoint.bin")), File.ReadAllBytes(Path.Combine(split, "checkpoint.bin")));

        // The spread is really applied: the same run on nominal devices writes other conductances.
        string nominal = EpCommandTests.Config(dir, 2, pulses, "nominal", trainCount: 200);
        Assert.Equal(0, CliRun.Invoke("ep", "train", "--config", nominal, "--out", dir.File("nominal")).ExitCode);
        Assert.NotEqual(rows[1], File.ReadAllLines(dir.File("nominal/epochs.csv"))[1]);
    }

    [Fact]
    public void Bad_configuration_is_one_line_naming_the_key()
    {
        using var dir = new TempDirectory();
        string badDataset = dir.File("dataset.yaml");
        File.WriteAllText(badDataset, "dataset: cifar\n");
        var r = CliRun.Invoke("ep", "train", "--config", badDataset, "--out", dir.File("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("dataset", r.Err);
        string badBeta = dir.File("beta.yaml");
        File.WriteAllText(badBeta, "dataset: digits\ntraining:\n  beta: -1\n");
        var b = CliRun.Invoke("ep", "train", "--config", badBeta, "--out", dir.File("out2"));
        Assert.Equal(2, b.ExitCode);
        Assert.Contains("training.beta", b.Err);
    }

    [Fact]
    public void Printed_default_is_a_loadable_training_file()
    {
        using var dir = new TempDirectory();
        var printed = CliRun.Invoke("ep", "train", "--print-default");
        Assert.Equal(0, printed.ExitCode);
        Assert.Contains("input_scale: 20", printed.Out);
        Assert.Contains("layer_learning_rates:\n  - 1\n  - 0.125", printed.Out.ReplaceLineEndings("\n")); // run H's validation-chosen rates
        Assert.Contains("slope_spread: 0", printed.Out);
        Assert.Contains("noise_per: pulse", printed.Out);
        string path = dir.File("default.yaml");
        File.WriteAllText(path, printed.Out.Replace("dataset: mnist", "dataset: digits").Replace("data: ", $"data: {RepoPaths.Data("digits.csv.gz")}")
            .Replace("train_count: 0", "train_count: 40").Replace("test_count: 0", "test_count: 20").Replace("epochs: 10", "epochs: 1"));
        var r = CliRun.Invoke("ep", "train", "--config", path, "--out", dir.File("out"));
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("1 epochs on digits (40 training, 20 test samples", r.Out);
    }

    [Fact]
    public void Pulse_programmed_run_reports_pulses_programming_energy_and_validation_error()
    {
        using var dir = new TempDirectory();
        string path = dir.File("pulses.yaml");
        File.WriteAllText(path, $"""
            seed: 5
            dataset: digits
            data: {RepoPaths.Data("digits.csv.gz")}
            train_count: 300
            test_count: 100
            validation_count: 50
            epochs: 1
            network:
              hidden: [16]
              input_scale: 4
            training:
              learning_rate: 4
              layer_learning_rates: [1, 0.5]
            programming:
              update: pulses
              map_points: 257
            """);
        var r = CliRun.Invoke("ep", "train", "--config", path, "--out", dir.File("out"));
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("250 training, 100 test samples", r.Out);
        Assert.Contains("J programming per update", r.Err);
        var header = File.ReadAllLines(dir.File("out/epochs.csv"))[0].Split(',');
        var row = File.ReadAllLines(dir.File("out/epochs.csv"))[1].Split(',');
        double Column(string name) => double.Parse(row[Array.IndexOf(header, name)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(Column("validation_error"), 0, 0.9);
        Assert.True(Column("pulses_per_update") > 0);
        Assert.True(Column("programming_energy_per_update_J") > 0);

        string bad = dir.File("bad.yaml");
        foreach (var (yaml, key) in new[]
                 {
                     ("programming:\n  update: pulses\nvariability:\n  step_spread: 0.1\n", "variability.step_spread"),
                     ("variability:\n  slope_spread: 0.1\n", "variability.slope_spread"),
                     ("variability:\n  threshold_spread: -0.1\n", "variability.threshold_spread"),
                     ("programming:\n  update: pulses\nvariability:\n  noise_per: sample\n", "variability.noise_per"),
                 })
        {
            File.WriteAllText(bad, "dataset: digits\n" + yaml);
            var b = CliRun.Invoke("ep", "train", "--config", bad, "--out", dir.File("out2"));
            Assert.Equal(2, b.ExitCode);
            Assert.Contains(key, b.Err);
        }
        File.WriteAllText(bad, "dataset: digits\nprogramming:\n  update: pulses\n  threshold:\n    g_min: 1e-5\n");
        Assert.Contains("programming.threshold.g_min", CliRun.Invoke("ep", "train", "--config", bad, "--out", dir.File("out4")).Err);
        File.WriteAllText(bad, "dataset: digits\ntraining:\n  layer_learning_rates: [1]\n");
        Assert.Contains("training.layer_learning_rates", CliRun.Invoke("ep", "train", "--config", bad, "--out", dir.File("out3")).Err);
    }
}
