using System.Globalization;

namespace CircuitNeuro.Cli.Tests.Support;

/// <summary>Reads the CSV files the CLI writes (header line, then numbers).</summary>
internal sealed class CsvFile
{
    private CsvFile(string[] header, List<double[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }
    public List<double[]> Rows { get; }

    public double[] Column(string name)
    {
        int c = Array.IndexOf(Header, name);
        Assert.True(c >= 0, $"no column '{name}' in [{string.Join(", ", Header)}]");
        return Rows.Select(r => r[c]).ToArray();
    }

    public static CsvFile Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return new CsvFile(lines[0].Split(','), rows);
    }
}
