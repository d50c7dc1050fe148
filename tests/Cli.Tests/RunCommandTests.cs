using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

public class RunCommandTests
{
    private static string Experiment(TempDirectory dir, string extra = "")
    {
        string digits = RepoPaths.Data("digits.csv.gz");
        string file = dir.File("exp.yaml");
        File.WriteAllText(file, $"""
            name: tiny
            seed: 3
            dataset:
              path: {digits}
              max_test_samples: 4
            checkpoint_every: 1
            {extra}
            """);
        return file;
    }

    [Fact]
    public void Run_writes_report_and_an_interrupted_run_resumes_to_the_same_bits()
    {
        using var dir = new TempDirectory();
        string file = Experiment(dir);
        string straight = dir.File("straight"), resumed = dir.File("resumed");

        var r = CliRun.Invoke("run", file, "--out", straight);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("accuracy, spiking crossbar", r.Out);
        foreach (var f in new[] { "summary.json", "report.md", "confusion.csv", "samples.csv", "config.json" })
            Assert.True(File.Exists(Path.Combine(straight, f)), f);

        // Two samples, then the rest: the checkpoint is picked up and the rows are identical.
        Assert.Equal(0, CliRun.Invoke("run", file, "--out", resumed, "--max-samples", "2").ExitCode);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(resumed, "samples.csv")).Length);
        // The configuration differs only in max_test_samples... which is part of it: a resumed run must use the same file.
        var mismatch = CliRun.Invoke("run", file, "--out", resumed);
        Assert.Equal(2, mismatch.ExitCode);
        Assert.Contains("another configuration", mismatch.Err);
    }

    [Fact]
    public void Resume_after_a_torn_checkpoint_gives_the_uninterrupted_result()
    {
        using var dir = new TempDirectory();
        string file = Experiment(dir);
        string straight = dir.File("straight"), resumed = dir.File("resumed");
        Assert.Equal(0, CliRun.Invoke("run", file, "--out", straight).ExitCode);
        Assert.Equal(0, CliRun.Invoke("run", file, "--out", resumed).ExitCode);

        // Simulate an interruption: keep the header and the first row plus half of the second.
        string samples = Path.Combine(resumed, "samples.csv");
        var lines = File.ReadAllLines(samples);
        File.WriteAllText(samples, lines[0] + "\n" + lines[1] + "\n" + lines[2][..(lines[2].Length / 2)]);
        File.Delete(Path.Combine(resumed, "summary.json"));
        // A torn row is reported, not silently used.
        var torn = CliRun.Invoke("run", file, "--out", resumed);
        Assert.Equal(2, torn.ExitCode);
        Assert.Contains("samples.csv:3", torn.Err);

        File.WriteAllText(samples, lines[0] + "\n" + lines[1] + "\n");
        Assert.Equal(0, CliRun.Invoke("run", file, "--out", resumed).ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(straight, "samples.csv")), File.ReadAllText(samples));
        Assert.Equal(File.ReadAllText(Path.Combine(straight, "summary.json")), File.ReadAllText(Path.Combine(resumed, "summary.json")));
    }

    [Fact]
    public void Unknown_key_in_the_experiment_file_is_reported_with_its_line()
    {
        using var dir = new TempDirectory();
        string file = Experiment(dir, "crossbar:\n  line_resistanse: 3");
        var r = CliRun.Invoke("run", file, "--out", dir.File("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("exp.yaml:8", r.Err);
        Assert.Contains("line_resistanse", r.Err);
    }

    [Fact]
    public void Invalid_value_names_the_key()
    {
        using var dir = new TempDirectory();
        string file = Experiment(dir, "crossbar:\n  g_min: 1e-3\n  g_max: 1e-4");
        var r = CliRun.Invoke("run", file, "--out", dir.File("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("crossbar.g_max", r.Err);
    }

    [Theory]
    [InlineData("crossbar:\n  levels: 1", "crossbar.levels")]
    [InlineData("crossbar:\n  stuck_on_fraction: 0.7\n  stuck_off_fraction: 0.6", "crossbar.stuck_on_fraction")]
    [InlineData("crossbar:\n  conductance_spread: -0.1", "crossbar.conductance_spread")]
    public void Invalid_device_settings_name_the_key(string extra, string key)
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("run", Experiment(dir, extra), "--out", dir.File("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(key, r.Err);
    }

    [Fact]
    public void Print_default_round_trips_through_the_loader()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("run", "--print-default");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("line_resistance: 2.5", r.Out);
        string file = dir.File("default.yaml");
        File.WriteAllText(file, r.Out);
        var cfg = Experiments.ExperimentFile.Load(file);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(new Experiments.InferenceExperimentConfig()), System.Text.Json.JsonSerializer.Serialize(cfg));
    }
}
