using CircuitNeuro.Circuits.Netlist;

namespace CircuitNeuro.Cli.Engines;

/// <summary>
/// A netlist file as both engines see it: the text (possibly with an extra <c>.options</c> card
/// inserted, so both engines run with identical options) and our parse of that same text.
/// </summary>
public sealed class NetlistInput
{
    private NetlistInput(string path, string text, ParsedNetlist parsed)
    {
        Path = path;
        Text = text;
        Parsed = parsed;
    }

    /// <summary>The path as the user gave it (used in messages).</summary>
    public string Path { get; }
    public string Text { get; }
    public ParsedNetlist Parsed { get; }
    public string BaseDirectory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads and parses a netlist; <paramref name="textTransform"/> may add cards (e.g. a precision preset) first.</summary>
    public static NetlistInput Load(string path, Func<string, string>? textTransform = null)
    {
        if (!File.Exists(path)) throw new CliFailure($"{path}: no such netlist file");
        string text = File.ReadAllText(path);
        if (textTransform is not null) text = textTransform(text);
        var full = System.IO.Path.GetFullPath(path);
        var parsed = NetlistParser.ParseText(text, path, System.IO.Path.GetDirectoryName(full));
        return new NetlistInput(path, text, parsed);
    }
}
