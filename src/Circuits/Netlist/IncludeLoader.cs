namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// Reads the top file and splices .include/.inc files in place (paths relative to the including
/// file, as ngspice resolves them). Included files have no title line. .lib is rejected.
/// </summary>
internal sealed class IncludeLoader
{
    private readonly List<string> _chain = new();   // full paths of files being read, for cycle detection
    private readonly List<LogicalLine> _lines = new();

    public static List<LogicalLine> Load(string text, string fileName, string baseDirectory, string? fullPath, out string title)
    {
        var loader = new IncludeLoader();
        if (fullPath is not null) loader._chain.Add(fullPath);
        loader.Append(LineReader.Read(text, fileName, firstLineIsTitle: true, out title), baseDirectory);
        return loader._lines;
    }

    private void Append(List<LogicalLine> lines, string baseDirectory)
    {
        foreach (var line in lines)
        {
            string keyword = LineReader.FirstWord(line.Text);
            if (keyword is ".include" or ".inc")
                Include(line, keyword, baseDirectory);
            else if (keyword == ".lib")
                throw new NetlistException(line.Location, null, ".lib is not supported; use .include");
            else
                _lines.Add(line);
        }
    }

    private void Include(LogicalLine line, string keyword, string baseDirectory)
    {
        // The path keeps its original case (file systems may be case-sensitive).
        string path = line.Text[keyword.Length..].Trim();
        if (path.Length >= 2 && (path[0] == '"' || path[0] == '\'') && path[^1] == path[0]) path = path[1..^1];
        if (path.Length == 0) throw new NetlistException(line.Location, null, $"{keyword} needs a file name");
        if (path.StartsWith("~/"))
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);

        string full = Path.GetFullPath(Path.Combine(baseDirectory, path));
        if (!File.Exists(full))
            throw new NetlistException(line.Location, null, $"included file '{path}' not found (looked for '{full}')");
        if (_chain.Contains(full))
            throw new NetlistException(line.Location, null,
                $"include cycle: {string.Join(" -> ", _chain.Append(full))}");

        _chain.Add(full);
        var lines = LineReader.Read(File.ReadAllText(full), full, firstLineIsTitle: false, out _);
        Append(lines, Path.GetDirectoryName(full)!);
        _chain.RemoveAt(_chain.Count - 1);
    }
}
