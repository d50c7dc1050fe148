using System.Text.Json;
using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

public class VdspCommandTests
{
    private static string Config(TempDirectory dir, string learning = "rule: vdsp", int chunk = 150)
    {
        string file = dir.File($"vdsp-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, $"""
            name: vdsp-test
            dataset: digits
            data: {RepoPaths.Data("digits.csv.gz")}
            train_count: 300
            label_count: 200
            test_count: 100
            chunk: {chunk}
            learning:
              {learning}
            network:
              outputs: 10
              output:
                gain: 10
            """);
        return file;
    }

    [Fact]
    public void Interrupted_run_resumes_to_the_same_csv_and_summary()
    {
        using var dir = new TempDirectory();
        string cfg = Config(dir, "shadow_stdp: true");
        var straight = CliRun.Invoke("vdsp", "train", "--config", cfg, "--out", dir.File("a"));
        Assert.True(straight.ExitCode == 0, straight.Err);
        Assert.Contains("test accuracy", straight.Out);

        // Same run stopped after two chunks (as a kill would leave it), then resumed.
        var cliConfig = Experiments.VdspRun.Load(cfg);
        Experiments.VdspRun.Run(cliConfig, dir.File("b"), resume: false, TextWriter.Null, maxChunks: 2);
        var resumed = CliRun.Invoke("vdsp", "train", "--config", cfg, "--out", dir.File("b"), "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Err);
        Assert.Contains("resumed at presentation 300", resumed.Err);

        static string[] Columns(string csv) => File.ReadAllLines(csv).Select(l => string.Join(",", l.Split(',')[..^1])).ToArray(); // all but wall time
        Assert.Equal(Columns(dir.File("a/chunks.csv")), Columns(dir.File("b/chunks.csv")));
        using var a = JsonDocument.Parse(File.ReadAllText(dir.File("a/summary.json")));
        using var b = JsonDocument.Parse(File.ReadAllText(dir.File("b/summary.json")));
        foreach (var key in new[] { "test_accuracy", "updates", "post_triggers", "shadow_stdp_updates" })
            Assert.Equal(a.RootElement.GetProperty(key).GetRawText(), b.RootElement.GetProperty(key).GetRawText());
        Assert.True(a.RootElement.GetProperty("shadow_stdp_updates").GetInt64() > 0);
    }

    [Fact]
    public void Device_variant_reports_programming_energy()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("vdsp", "train", "--config", Config(dir, "device: hfo2\n  learning_rate: 0.01", chunk: 1000), "--out", dir.Path);
        Assert.True(r.ExitCode == 0, r.Err);
        using var s = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json")));
        Assert.Equal("vdsp-HfO2", s.RootElement.GetProperty("rule").GetString());
        Assert.True(s.RootElement.GetProperty("energy_per_update_j").GetDouble() > 0);
    }

    [Fact]
    public void Printed_default_reads_back_as_the_paper_network()
    {
        using var dir = new TempDirectory();
        var printed = CliRun.Invoke("vdsp", "train", "--print-default");
        Assert.True(printed.ExitCode == 0, printed.Err);
        string file = dir.File("default.yaml");
        File.WriteAllText(file, printed.Out);
        var cfg = Experiments.VdspRun.Load(file);
        Assert.Equal(100, cfg.Network.Outputs);
        Assert.Equal(70, cfg.Network.StepsPerImage());
        Assert.Equal(double.NegativeInfinity, cfg.Learning.VoltageClipMin);
        Assert.Equal("vdsp", cfg.Learning.Rule);
    }

    [Theory]
    [InlineData("rule: hebb", "learning: rule 'hebb' is not one of vdsp, stdp, none")]
    [InlineData("device: tio3", "learning: device 'tio3' is not one of")]
    [InlineData("rule: stdp\n  device: hfo2", "learning: device 'hfo2' needs rule vdsp")]
    [InlineData("learning_rat: 0.1", "learning_rat")]
    [InlineData("stdp: {normalize_mean: 2}", "normalize_mean must be in [0, 1]")]
    public void Bad_learning_section_is_one_line_naming_file_and_key(string learning, string expected)
    {
        using var dir = new TempDirectory();
        string cfg = Config(dir, learning);
        var r = CliRun.Invoke("vdsp", "train", "--config", cfg, "--out", dir.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(Path.GetFileName(cfg), r.Err);
        Assert.Contains(expected, r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
    }

    [Fact]
    public void Sweep_over_device_variability_runs_each_point_with_its_own_devices()
    {
        using var dir = new TempDirectory();
        string file = Config(dir, "device: hfo2\n  learning_rate: 0.01", chunk: 1000);
        File.WriteAllText(file, "kind: vdsp\n" + File.ReadAllText(file));
        string outDir = dir.File("sweep");
        var r = CliRun.Invoke("sweep", file, "--set", "learning.variability.stuck_hrs=0,0.9", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Err);
        var csv = CsvFile.Read(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal([0, 0.9], csv.Column("learning.variability.stuck_hrs"));
        // 90 % of the devices stuck at HRS are never programmed: far fewer updates per image than the healthy array.
        var updates = csv.Column("updates_per_train_image_mean");
        Assert.True(updates[1] < 0.2 * updates[0], $"{updates[1]} vs {updates[0]} updates per image");
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "point-001", "repeat-0", "config.json")));
        Assert.Equal(0.9, config.RootElement.GetProperty("learning").GetProperty("variability").GetProperty("stuck_hrs").GetDouble());
    }
}
