using System.Globalization;
using System.IO.Compression;

namespace CircuitNeuro.Learning.Data;

/// <summary>
/// The UCI 8×8 optical digits (1,797 images, pixels 0..16, label last), as shipped in
/// data/digits.csv.gz (see data/digits.rst). Pixels are scaled to [0, 1].
/// </summary>
public static class DigitsDataset
{
    public const string DefaultFile = "data/digits.csv.gz";

    public static Dataset Load(string path)
    {
        path = DataLocation.Resolve(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Digits data set not found at '{Path.GetFullPath(path)}' nor under the repository root: it ships with the repository as {DefaultFile}; run from the repository root or give its path.", path);
        var features = new List<double[]>();
        var labels = new List<int>();
        using var stream = File.OpenRead(path);
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length != 65) throw new FormatException($"{path}:{lineNumber}: expected 64 pixels and a label, found {cells.Length} values");
            var pixels = new double[64];
            for (int k = 0; k < 64; k++)
            {
                if (!double.TryParse(cells[k], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v < 0 || v > 16)
                    throw new FormatException($"{path}:{lineNumber}: pixel {k} is '{cells[k]}', expected a number in 0..16");
                pixels[k] = v / 16;
            }
            if (!int.TryParse(cells[64], NumberStyles.Integer, CultureInfo.InvariantCulture, out int label) || label is < 0 or > 9)
                throw new FormatException($"{path}:{lineNumber}: label '{cells[64]}' is not a digit 0..9");
            features.Add(pixels);
            labels.Add(label);
        }
        return new Dataset("digits", features.ToArray(), labels.ToArray(), 10);
    }
}
