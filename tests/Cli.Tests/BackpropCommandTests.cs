using System.Text.Json;
using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

/// <summary>`sweep` over kind: bp files (seed 002 §3.7 BP baselines): points, repeats, resume, errors naming the key.</summary>
public class BackpropCommandTests
{
    private static string File(TempDirectory dir, string extra)
    {
        string path = dir.File("bp.yaml");
        System.IO.File.WriteAllText(path, $"kind: bp\ndata: {RepoPaths.Data("digits.csv.gz")}\ntrain_count: 300\ntest_count: 100\nepochs: 2\n{extra}");
        return path;
    }

    [Fact]
    public void Sweep_runs_every_point_and_repeat_with_its_device()
    {
        using var dir = new TempDirectory();
        string outDir = dir.File("sweep");
        var r = CliRun.Invoke("sweep", File(dir, "optimizer: adam\n"), "--set", "device.write_noise=0,1e-2", "--repeats", "2", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Err);
        var csv = CsvFile.Read(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal([0, 1e-2], csv.Column("device.write_noise"));
        var accuracy = csv.Column("accuracy_mean");
        Assert.True(accuracy[0] > 0.5, $"noise-free accuracy {accuracy[0]}");
        using var config = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(outDir, "point-001", "repeat-1", "config.json")));
        Assert.Equal(0.001, config.RootElement.GetProperty("learning_rate").GetDouble());   // Table 3.2's Adam rate filled in
        Assert.Equal(1e-2, config.RootElement.GetProperty("device").GetProperty("write_noise").GetDouble());
        Assert.True(csv.Column("energy_mean")[0] > 0);
    }

    [Fact]
    public void A_resumed_run_ends_with_the_uninterrupted_runs_epochs()
    {
        using var dir = new TempDirectory();
        string yaml = System.IO.File.ReadAllText(File(dir, "device:\n  write_noise: 1e-3\n"));
        var three = BackpropConfig.Parse(yaml.Replace("epochs: 2", "epochs: 3"), null);
        BackpropExperiment.Run(three, dir.File("straight"));
        BackpropExperiment.Run(BackpropConfig.Parse(yaml, null), dir.File("resumed"));
        BackpropExperiment.Run(three, dir.File("resumed"));
        static string[] WithoutSeconds(string path) =>
            System.IO.File.ReadAllLines(Path.Combine(path, "epochs.csv")).Select(l => l[..l.LastIndexOf(',')]).ToArray();
        Assert.Equal(WithoutSeconds(dir.File("straight")), WithoutSeconds(dir.File("resumed")));
        Assert.Equal(4, WithoutSeconds(dir.File("resumed")).Length);
    }

    [Theory]
    [InlineData("optimizer: rmsprop\n", "optimizer")]
    [InlineData("learning_rate: -1\n", "learning_rate")]
    [InlineData("device:\n  threshold_spread: -1\n", "threshold_spread")]
    [InlineData("device:\n  convention: odd\n", "device.convention")]
    [InlineData("neuron_sprd: 1\n", "neuron_sprd")]
    public void Bad_values_are_one_line_naming_the_key(string extra, string key)
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("sweep", File(dir, extra), "--out", dir.File("o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(key, r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
    }
}
