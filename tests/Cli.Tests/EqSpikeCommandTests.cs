using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.Learning.EqSpike;
using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

public class EqSpikeCommandTests
{
    private static string Config(TempDirectory dir, string extra = "")
    {
        string path = dir.File("eqspike.yaml");
        File.WriteAllText(path, $"kind: eqspike\nname: tiny\nvariant: memristive\ndata: {RepoPaths.Data("digits.csv.gz")}\ntrain_count: 60\ntest_count: 30\nepochs: 2\n{extra}");
        return path;
    }

    [Fact]
    public void Train_WritesEpochsAndResumesBitIdentically()
    {
        using var dir = new TempDirectory();
        string cfg = Config(dir);
        string straight = dir.File("straight"), split = dir.File("split");
        var r = CliRun.Invoke("eqspike", "train", cfg, "--out", straight);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("programming events", r.Out);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(straight, "epochs.csv")).Length);
        Assert.True(File.Exists(Path.Combine(straight, "summary.json")));

        Assert.Equal(0, CliRun.Invoke("eqspike", "train", cfg, "--epochs", "1", "--out", split).ExitCode);
        var resumed = CliRun.Invoke("eqspike", "train", cfg, "--out", split, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Err);
        Assert.Contains("resumed", resumed.Err);
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "checkpoint.bin")), File.ReadAllBytes(Path.Combine(split, "checkpoint.bin")));
        string Columns(string d) => string.Join('\n', File.ReadAllLines(Path.Combine(d, "epochs.csv")).Select(l => string.Join(',', l.Split(',')[..7])));
        Assert.Equal(Columns(straight), Columns(split));

        // A run started before an optional key existed (its config.json lacks the null key) still resumes; a changed key does not.
        string configPath = Path.Combine(split, "config.json"), json = File.ReadAllText(configPath);
        Assert.Contains("\"slope_negative\": null", json);
        File.WriteAllText(configPath, System.Text.RegularExpressions.Regex.Replace(json, "\\s*\"slope_negative\": null,", ""));
        var older = CliRun.Invoke("eqspike", "train", cfg, "--out", split, "--resume", "--epochs", "3");
        Assert.True(older.ExitCode == 0, older.Err);
        var other = CliRun.Invoke("eqspike", "train", Config(dir, "hidden: 7\n"), "--out", split, "--resume");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("another configuration", other.Err);
    }

    [Fact]
    public void Train_CheckpointsWithinEpochsAndResumesFromAnInterruptionBitIdentically()
    {
        using var dir = new TempDirectory();
        string cfg = Config(dir, "variant: a-eqspike\n");
        string straight = dir.File("straight"), often = dir.File("often"), cut = dir.File("cut");
        Assert.Equal(0, CliRun.Invoke("eqspike", "train", cfg, "--out", straight).ExitCode);
        // A checkpoint after every sample changes nothing.
        var r = CliRun.Invoke("eqspike", "train", cfg, "--out", often, "--checkpoint-minutes", "1e-9");
        Assert.True(r.ExitCode == 0, r.Err);
        AssertSameRun(straight, often);

        // Interrupted (the token fires before the run starts: it stops after the first sample), then resumed.
        var config = EqSpikeConfigFile.Load(cfg);
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        var log = new StringWriter();
        Assert.ThrowsAny<OperationCanceledException>(() => EqSpikeExperiment.Run(config, cut, resume: false, log, interrupt.Token));
        Assert.Contains("interrupted in epoch 1 after 1 of 60 samples", log.ToString());
        var resumed = CliRun.Invoke("eqspike", "train", cfg, "--out", cut, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Err);
        Assert.Contains("resumed", resumed.Err);
        Assert.Contains("after 1 of 60 samples", resumed.Err);
        AssertSameRun(straight, cut);

        Assert.Equal(2, CliRun.Invoke("eqspike", "train", cfg, "--out", dir.File("x"), "--checkpoint-minutes", "0").ExitCode);
    }

    /// <summary>Same checkpoint bytes and the same epochs.csv but for the seconds column.</summary>
    private static void AssertSameRun(string a, string b)
    {
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "checkpoint.bin")), File.ReadAllBytes(Path.Combine(b, "checkpoint.bin")));
        string Rows(string d) => string.Join('\n', File.ReadAllLines(Path.Combine(d, "epochs.csv"))
            .Select(l => l.Split(',')).Select(c => string.Join(',', c.Where((_, i) => i != 8))));
        Assert.Equal(Rows(a), Rows(b));
    }

    [Fact]
    public void Train_RejectsBadValuesNamingTheKey()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("eqspike", "train", Config(dir, "device:\n  write_noise: -1\n"), "--out", dir.File("o"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("write_noise", r.Err);
        var v = CliRun.Invoke("eqspike", "train", Config(dir), "--variant", "nope", "--out", dir.File("o"));
        Assert.Equal(2, v.ExitCode);
        Assert.Contains("variant", v.Err);
        var k = CliRun.Invoke("eqspike", "train", Config(dir, "bogus_key: 1\n"), "--out", dir.File("o"));
        Assert.Equal(2, k.ExitCode);
        Assert.Contains("bogus_key", k.Err);
        var ideal = CliRun.Invoke("eqspike", "train", Config(dir, "device:\n  ideal: true\n"), "--out", dir.File("o"));
        Assert.Equal(2, ideal.ExitCode);
        Assert.Contains("device.ideal is only for variant a-eqspike", ideal.Err);
    }

    [Theory]
    [InlineData("variant: a-eqspike\ndevice:\n  ideal: true\n", "energy not modelled (device.ideal)", "energy not modelled (device.ideal)")]
    [InlineData("variant: eqspike\n", "energy not modelled (numeric synapses)", "energy not modelled (numeric synapses)")]
    [InlineData("", " J per event", " J, ")]
    public void Train_SaysWhetherEnergyIsModelled(string extra, string summary, string epochLine)
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("eqspike", "train", Config(dir, extra), "--epochs", "1", "--out", dir.File("o"));
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains(summary, r.Out);
        Assert.Contains(epochLine, r.Err);
        Assert.Equal(extra == "", !r.Out.Contains("not modelled") && !r.Err.Contains("not modelled"));
        if (extra.Contains("ideal")) Assert.Contains("\"ideal\": true", File.ReadAllText(dir.File("o/config.json")));
    }

    [Fact]
    public void Defaults_PickTable44ForAEqSpikeSynchOnMnist()
    {
        var mnist = EqSpikeConfigFile.Parse("kind: eqspike\nvariant: a-eqspike\ndataset: mnist\n", null);
        // Table 4.4 (notes 002 §4.5): 784-300-10, γ_amp 1e-6 V_th, γ_len 50 T_refract, T_free 100, T_nudge 300, η_lr 1.
        Assert.Equal(300, mnist.Hidden);
        Assert.Equal((1e-6, 50.0), (mnist.Tail.Amplitude, mnist.Tail.Length));
        Assert.Equal((100.0, 300.0, 1.0, 0.01), (mnist.Parameters.FreeTime, mnist.Parameters.NudgeTime, mnist.Parameters.LearningRate, mnist.Parameters.NudgeGate));
        Assert.Equal(EqSpikeSetup.AEqSpikeMnist.Tail.LengthSteps, mnist.Setup().Tail.LengthSteps);
        var own = EqSpikeConfigFile.Parse("kind: eqspike\nvariant: a-eqspike\ndataset: mnist\nhidden: 50\ntail:\n  length: 10\n", null);
        Assert.Equal((50, 10.0, 1e-6), (own.Hidden, own.Tail.Length, own.Tail.Amplitude));
        var digits = EqSpikeConfigFile.Parse("kind: eqspike\nvariant: a-eqspike\n", null);
        Assert.Equal((32, 20.0, 1e-4, 62.5), (digits.Hidden, digits.Tail.Length, digits.Tail.Amplitude, digits.Parameters.NudgeTime));
        var desynch = EqSpikeConfigFile.Parse("kind: eqspike\nvariant: a-eqspike\ndataset: mnist\ntail:\n  mode: desynch\n", null);
        Assert.Equal((100, 20.0, 0.1), (desynch.Hidden, desynch.Tail.Length, desynch.Tail.Amplitude));
        foreach (string variant in new[] { "eqspike", "memristive" })
            Assert.Equal(100, EqSpikeConfigFile.Parse($"kind: eqspike\nvariant: {variant}\ndataset: mnist\n", null).Hidden);
    }
}
