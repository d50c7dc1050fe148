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
    }
}
