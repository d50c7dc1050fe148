using System.Globalization;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// Checkpointed CSV for the PCSA experiments: every row is written and flushed as soon as it is computed; a rerun with the
/// same settings (first line "# settings") reuses the rows already on disk, so an interrupted run resumes where it stopped
/// and, each row being a deterministic function of its key and the seed, ends with the same file bit for bit.
/// </summary>
public sealed class PcsaRowLog : IDisposable
{
    private readonly Dictionary<string, string[]> _done = new(StringComparer.Ordinal);
    private readonly StreamWriter _writer;
    private readonly int _keyColumns;

    public PcsaRowLog(string path, string settings, string header, int keyColumns)
    {
        _keyColumns = keyColumns;
        string settingsLine = $"# settings: {settings}";
        var keep = new List<string>();
        if (File.Exists(path))
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length >= 2 && lines[0] == settingsLine && lines[1] == header)
            {
                // A run killed mid-write leaves at most one partial last line: keep only complete rows.
                int columns = header.Split(',').Length;
                foreach (var line in lines.Skip(2))
                {
                    var fields = line.Split(',');
                    if (fields.Length != columns) break;
                    _done[Key(fields)] = fields;
                    keep.Add(line);
                }
            }
            else if (lines.Length > 0)
                throw new CliFailure($"{path} holds a run with other settings (first line '{lines[0]}'); choose another --out or delete it");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _writer = new StreamWriter(path, append: false) { AutoFlush = true };
        _writer.WriteLine(settingsLine);
        _writer.WriteLine(header);
        foreach (var line in keep) _writer.WriteLine(line);
        Resumed = keep.Count;
    }

    /// <summary>Rows reused from a previous run.</summary>
    public int Resumed { get; }

    private string Key(IEnumerable<string> fields) => string.Join(",", fields.Take(_keyColumns));

    /// <summary>The row for <paramref name="key"/>: from disk if present, else computed (the rest of the columns), written and flushed.</summary>
    public string[] GetOrAdd(IReadOnlyList<string> key, Func<IEnumerable<string>> compute)
    {
        if (_done.TryGetValue(Key(key), out var fields)) return fields;
        fields = [.. key, .. compute()];
        _writer.WriteLine(string.Join(",", fields));
        _done[Key(key)] = fields;
        return fields;
    }

    public static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    public void Dispose() => _writer.Dispose();
}
