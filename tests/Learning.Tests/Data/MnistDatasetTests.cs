using System.Buffers.Binary;
using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Learning.Tests.Data;

/// <summary>The IDX reader on small files written here in LeCun's format (MNIST itself is never fetched by tests).</summary>
public class MnistDatasetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mnist-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Idx(int magic, int[] dims, byte[] payload)
    {
        var bytes = new byte[4 + 4 * dims.Length + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        payload.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    private void Write(string prefix, byte[] images, byte[] labels)
    {
        File.WriteAllBytes(Path.Combine(_dir, $"{prefix}-images-idx3-ubyte"), images);
        File.WriteAllBytes(Path.Combine(_dir, $"{prefix}-labels-idx1-ubyte"), labels);
    }

    [Fact]
    public void Reads_pixels_row_major_scaled_to_unit_interval_and_labels()
    {
        Write("t10k", Idx(0x803, [3, 2, 2], [0, 255, 51, 102, 1, 2, 3, 4, 255, 255, 0, 0]), Idx(0x801, [3], [7, 0, 9]));
        var d = MnistDataset.Load(_dir, "test");
        Assert.Equal(3, d.Count);
        Assert.Equal(4, d.FeatureCount);
        Assert.Equal([0, 1, 0.2, 0.4], d.Features[0]);
        Assert.Equal([7, 0, 9], d.Labels);
        Assert.Equal(2, MnistDataset.Load(_dir, "test", maxCount: 2).Count);
    }

    [Fact]
    public void Wrong_magic_truncation_and_missing_files_are_reported_with_the_file()
    {
        Write("train", Idx(0x801, [1, 1, 1], [0]), Idx(0x801, [1], [0]));
        var magic = Assert.Throws<FormatException>(() => MnistDataset.Load(_dir, "train"));
        Assert.Contains("train-images-idx3-ubyte", magic.Message);
        Assert.Contains("magic", magic.Message);

        Write("train", Idx(0x803, [2, 2, 2], [1, 2, 3, 4, 5]), Idx(0x801, [2], [0, 1]));
        Assert.Contains("need 24 bytes", Assert.Throws<FormatException>(() => MnistDataset.Load(_dir, "train")).Message);

        var missing = Assert.Throws<FileNotFoundException>(() => MnistDataset.Load(Path.Combine(_dir, "none"), "train"));
        Assert.Contains("fetch-mnist.sh", missing.Message);
    }
}
