using System.Globalization;
using System.Text;

namespace CircuitNeuro.Circuits.Results;

/// <summary>
/// Named result vectors sharing one scale (time, swept value, or a single row for an operating
/// point): "v(node)", "i(vsource)". Names are case-insensitive, as in SPICE.
/// </summary>
public sealed class VectorTable
{
    private readonly List<string> _names = new();
    private readonly Dictionary<string, List<double>> _columns = new(StringComparer.OrdinalIgnoreCase);

    public VectorTable(string scaleName, IEnumerable<string> vectorNames)
    {
        ScaleName = scaleName;
        AddColumn(scaleName);
        foreach (var n in vectorNames) AddColumn(n);
    }

    public string ScaleName { get; }
    public int Count => _columns[ScaleName].Count;
    public IReadOnlyList<string> Names => _names;
    public IReadOnlyList<double> Scale => _columns[ScaleName];

    private void AddColumn(string name)
    {
        if (!_columns.TryAdd(name, new List<double>())) throw new ArgumentException($"duplicate vector '{name}'");
        _names.Add(name);
    }

    public bool Contains(string name) => _columns.ContainsKey(name);

    public IReadOnlyList<double> this[string name] =>
        _columns.TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"no vector '{name}' (have: {string.Join(", ", _names.Take(12))}{(_names.Count > 12 ? ", ..." : "")})");

    /// <summary>Appends a row: scale value, then one value per vector in <see cref="Names"/> order after the scale.</summary>
    public void AddRow(double scale, ReadOnlySpan<double> values)
    {
        if (values.Length != _names.Count - 1) throw new ArgumentException("row width mismatch");
        _columns[ScaleName].Add(scale);
        for (int i = 0; i < values.Length; i++) _columns[_names[i + 1]].Add(values[i]);
    }

    /// <summary>Value of a vector at a scale point, linearly interpolated (for comparing runs with different time grids).</summary>
    public double Interpolate(string name, double at) => LinearInterpolation.At(_columns[ScaleName], this[name], at);

    /// <summary>Writes all vectors as CSV, values in round-trip format so nothing is lost.</summary>
    public void WriteCsv(TextWriter writer)
    {
        writer.WriteLine(string.Join(",", _names.Select(Quote)));
        var line = new StringBuilder();
        for (int r = 0; r < Count; r++)
        {
            line.Clear();
            for (int c = 0; c < _names.Count; c++)
            {
                if (c > 0) line.Append(',');
                line.Append(_columns[_names[c]][r].ToString("R", CultureInfo.InvariantCulture));
            }
            writer.WriteLine(line);
        }
    }

    public void WriteCsv(string path)
    {
        using var w = new StreamWriter(path);
        WriteCsv(w);
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
