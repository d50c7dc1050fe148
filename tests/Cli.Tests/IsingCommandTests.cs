using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

public class IsingCommandTests
{
    [Fact]
    public void Conv_trains_on_chimera_and_draws_the_embedding()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Invoke("ising", "conv", "--epochs", "6", "--seed", "3", "--out", dir.Path);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("training accuracy after 6 epochs", r.Out);
        Assert.Equal(7, File.ReadAllLines(dir.File("epochs.csv")).Length);
        var png = File.ReadAllBytes(dir.File("embedding.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void Digits_writes_one_row_per_epoch_and_rejects_impossible_sizes()
    {
        using var dir = new TempDirectory();
        string data = RepoPaths.Data("digits.csv.gz");
        var r = CliRun.Invoke("ising", "digits", "--data", data, "--hidden", "10", "--epochs", "2", "--train", "30", "--test", "20", "--out", dir.Path);
        Assert.True(r.ExitCode == 0, r.Err);
        var rows = File.ReadAllLines(dir.File("epochs.csv"));
        Assert.Equal(3, rows.Length);
        Assert.All(rows.Skip(1), row => Assert.InRange(double.Parse(row.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture), 0, 1));

        var bad = CliRun.Invoke("ising", "digits", "--data", data, "--train", "1700", "--test", "200", "--out", dir.Path);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("exceed", bad.Err);
    }

    [Fact]
    public void Bench_prints_spin_updates_per_second()
    {
        var r = CliRun.Invoke("ising", "bench", "--sweeps", "20", "--reads", "1");
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("2048 spins, 1 reads × 20 sweeps = 40,960 spin updates", r.Out);
        Assert.Contains("spin updates per second", r.Out);
        Assert.Equal(2, CliRun.Invoke("ising", "bench", "--reads", "0").ExitCode);
    }
}
