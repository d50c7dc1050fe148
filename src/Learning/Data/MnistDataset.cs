using System.Buffers.Binary;

namespace CircuitNeuro.Learning.Data;

/// <summary>
/// MNIST in IDX format (LeCun's files: big-endian magic 0x00000803 for images, 0x00000801 for
/// labels), as scripts/fetch-mnist.sh puts them in data/mnist/. Pixels are scaled to [0, 1].
/// </summary>
public static class MnistDataset
{
    public const string DefaultFolder = "data/mnist";

    /// <param name="split">"train" (60,000 images) or "test" (10,000).</param>
    /// <param name="maxCount">Keep only the first images (0 = all).</param>
    public static Dataset Load(string folder, string split, int maxCount = 0)
    {
        string prefix = split switch
        {
            "train" => "train",
            "test" => "t10k",
            _ => throw new ArgumentException($"MNIST split '{split}' is neither 'train' nor 'test'"),
        };
        folder = DataLocation.Resolve(folder);
        string images = Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), labels = Path.Combine(folder, $"{prefix}-labels-idx1-ubyte");
        foreach (var f in new[] { images, labels })
            if (!File.Exists(f))
                throw new FileNotFoundException($"MNIST file '{Path.GetFullPath(f)}' not found (nor under the repository root): run scripts/fetch-mnist.sh once to fetch MNIST into {DefaultFolder}/, or give its folder", f);
        var (pixels, rows, cols) = ReadImages(images, maxCount);
        var y = ReadLabels(labels, pixels.Length);
        return new Dataset($"mnist/{split}", pixels, y, 10);
    }

    public static (double[][] Images, int Rows, int Columns) ReadImages(string path, int maxCount = 0)
    {
        var bytes = File.ReadAllBytes(path);
        int count = Header(bytes, path, 0x803, 16);
        int rows = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)), cols = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12));
        long expected = 16L + (long)count * rows * cols;
        if (rows <= 0 || cols <= 0 || bytes.Length != expected)
            throw new FormatException($"{path}: {count} images of {rows}×{cols} need {expected} bytes, the file has {bytes.Length}");
        int n = maxCount > 0 ? Math.Min(maxCount, count) : count, size = rows * cols;
        var images = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var x = images[i] = new double[size];
            for (int k = 0; k < size; k++) x[k] = bytes[16 + i * size + k] / 255.0;
        }
        return (images, rows, cols);
    }

    public static int[] ReadLabels(string path, int count)
    {
        var bytes = File.ReadAllBytes(path);
        int total = Header(bytes, path, 0x801, 8);
        if (bytes.Length != 8 + total) throw new FormatException($"{path}: header says {total} labels, the file holds {bytes.Length - 8}");
        if (total < count) throw new FormatException($"{path}: {total} labels for {count} images");
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = bytes[8 + i];
            if (labels[i] > 9) throw new FormatException($"{path}: label {i} is {labels[i]}, not a digit");
        }
        return labels;
    }

    private static int Header(byte[] bytes, string path, int magic, int headerSize)
    {
        if (bytes.Length < headerSize) throw new FormatException($"{path}: {bytes.Length} bytes, too short for an IDX header");
        int found = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (found != magic) throw new FormatException($"{path}: IDX magic 0x{found:X8}, expected 0x{magic:X8}");
        return BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
    }
}
