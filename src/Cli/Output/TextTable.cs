namespace CircuitNeuro.Cli.Output;

/// <summary>A plain-text table with aligned columns (numbers right-aligned); plain text so it survives pipes, logs and tests.</summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = new();

    /// <param name="headers">Column headers; a leading '>' right-aligns the column (the '>' is not printed).</param>
    public TextTable(params string[] headers)
    {
        _rightAligned = headers.Select(h => h.StartsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimStart('>')).ToArray();
    }

    public int RowCount => _rows.Count;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length) throw new ArgumentException($"row has {cells.Length} cells, table has {_headers.Length} columns");
        _rows.Add(cells);
    }

    public void Write(TextWriter w, string indent = "  ")
    {
        var widths = _headers.Select((h, c) => _rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        w.WriteLine(indent + Line(_headers, widths).TrimEnd());
        w.WriteLine(indent + string.Join("  ", widths.Select(n => new string('-', n))));
        foreach (var row in _rows) w.WriteLine(indent + Line(row, widths).TrimEnd());
    }

    private string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((s, c) => _rightAligned[c] ? s.PadLeft(widths[c]) : s.PadRight(widths[c])));
}
