using System.Buffers.Binary;
using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

/// <summary>`ising mnist` on a tiny MNIST-format data set written here (4×4 images), so the test never needs the real files.</summary>
public class IsingMnistCommandTests
{
    private static void WriteIdx(string folder, string prefix, int count, int seed)
    {
        var random = new Random(seed);
        var images = new byte[16 + count * 16];
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(images, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), 4);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), 4);
        BinaryPrimitives.WriteInt32BigEndian(labels, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (int k = 0; k < count; k++)
        {
            labels[8 + k] = (byte)(k % 10);
            for (int p = 0; p < 16; p++) images[16 + 16 * k + p] = (byte)((p == k % 10 ? 200 : 0) + random.Next(40));
        }
        File.WriteAllBytes(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), images);
        File.WriteAllBytes(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), labels);
    }

    private static string Setup(TempDirectory dir)
    {
        string mnist = dir.File("mnist");
        Directory.CreateDirectory(mnist);
        WriteIdx(mnist, "train", 40, 1);
        WriteIdx(mnist, "t10k", 20, 2);
        string config = dir.File("run.yaml");
        File.WriteAllText(config, $"mnist_folder: {mnist}\ntrain_per_class: 3\ntest_per_class: 1\nhidden: 6\nsweeps: 20\nepochs: 3\n");
        return config;
    }

    private static string[] Deterministic(string epochsCsv) =>
        File.ReadAllLines(epochsCsv).Select(l => string.Join(',', l.Split(',').Take(5))).ToArray();

    [Fact]
    public void Resumed_run_is_bit_identical_to_an_uninterrupted_one()
    {
        using var dir = new TempDirectory();
        string config = Setup(dir);
        var whole = CliRun.Invoke("ising", "mnist", "--config", config, "--out", dir.File("whole"));
        Assert.True(whole.ExitCode == 0, whole.Err);
        Assert.Contains("30 training / 10 test MNIST images, 3 epochs", whole.Out);

        var part = CliRun.Invoke("ising", "mnist", "--config", config, "--epochs", "1", "--out", dir.File("part"));
        Assert.True(part.ExitCode == 0, part.Err);
        var resumed = CliRun.Invoke("ising", "mnist", "--config", config, "--resume", "--out", dir.File("part"));
        Assert.True(resumed.ExitCode == 0, resumed.Err);

        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.File("whole"), "checkpoint.bin")), File.ReadAllBytes(Path.Combine(dir.File("part"), "checkpoint.bin")));
        Assert.Equal(Deterministic(Path.Combine(dir.File("whole"), "epochs.csv")), Deterministic(Path.Combine(dir.File("part"), "epochs.csv")));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(dir.File("part"), "epochs.csv")).Length);
    }

    [Fact]
    public void Refuses_to_overwrite_to_resume_nothing_or_another_run()
    {
        using var dir = new TempDirectory();
        string config = Setup(dir);
        Assert.Equal(0, CliRun.Invoke("ising", "mnist", "--config", config, "--epochs", "1", "--out", dir.File("run")).ExitCode);
        var again = CliRun.Invoke("ising", "mnist", "--config", config, "--out", dir.File("run"));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--resume", again.Err);
        var nothing = CliRun.Invoke("ising", "mnist", "--config", config, "--resume", "--out", dir.File("empty"));
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("no run to resume", nothing.Err);
        File.AppendAllText(config, "beta: 3\n");
        var other = CliRun.Invoke("ising", "mnist", "--config", config, "--resume", "--out", dir.File("run"));
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("another run", other.Err);
        File.WriteAllText(config, File.ReadAllText(config).Replace("test_per_class: 1", "test_per_class: 5"));
        var lacking = CliRun.Invoke("ising", "mnist", "--config", config, "--out", dir.File("lacking"));
        Assert.Equal(2, lacking.ExitCode);
        Assert.Contains("holds only 2 images of class 0, 5 per class requested", lacking.Err);
    }
}
