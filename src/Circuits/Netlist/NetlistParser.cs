namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// Entry point: parses the hand-written ngspice subset into a flat <see cref="ParsedNetlist"/>.
/// Pipeline: logical lines (+ includes) → definitions → parameter evaluation and subcircuit
/// expansion → control cards → cross-reference checks. Every error is a <see cref="NetlistException"/>.
/// </summary>
public static class NetlistParser
{
    public static ParsedNetlist ParseFile(string path)
    {
        string full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NetlistException(null, null, $"cannot read netlist '{path}': {ex.Message}");
        }
        return Parse(text, path, Path.GetDirectoryName(full)!, full);
    }

    /// <param name="baseDirectory">Directory for relative .include paths; defaults to the current directory.</param>
    public static ParsedNetlist ParseText(string text, string fileName = "<text>", string? baseDirectory = null) =>
        Parse(text, fileName, baseDirectory ?? Directory.GetCurrentDirectory(), null);

    private static ParsedNetlist Parse(string text, string fileName, string baseDirectory, string? fullPath)
    {
        var lines = IncludeLoader.Load(text, fileName, baseDirectory, fullPath, out string title);
        var controlCards = new List<Card>();
        var top = DefinitionBuilder.Build(lines, controlCards);
        var titleCard = controlCards.LastOrDefault(c => c.Keyword == ".title");
        if (titleCard is not null) title = titleCard.Text[titleCard.Keyword.Length..].Trim();

        var netlist = new ParsedNetlist { Title = title, File = fileName };
        var globals = new ParameterScope(null);
        var topContext = new InstanceContext { Definition = top, Prefix = "", Scope = globals };
        new SubcircuitExpander(netlist).ExpandTop(topContext);
        foreach (var (name, value) in globals.LocalValues) netlist.Parameters[name] = value;

        foreach (var card in controlCards) ControlCardParser.Apply(card, netlist, globals);
        CheckReferences(netlist);
        return netlist;
    }

    /// <summary>Names that can only be checked once everything is flattened.</summary>
    private static void CheckReferences(ParsedNetlist netlist)
    {
        var byName = netlist.Elements.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var e in netlist.Elements)
        {
            if (e.ControlSource is null) continue;
            if (!byName.TryGetValue(e.ControlSource, out var src) || src.Kind != 'V')
                throw new NetlistException(e.Location, e.Name, $"controlling voltage source '{e.ControlSource}' does not exist");
        }
        foreach (var dc in netlist.Analyses.OfType<DcCard>())
        {
            foreach (var s in new[] { dc.Source, dc.Source2 })
            {
                if (s is null || s == "temp") continue;
                if (!byName.TryGetValue(s, out var src) || src.Kind is not ('V' or 'I'))
                    throw new NetlistException(dc.Location, null, $".dc: sweep source '{s}' is not an independent source");
            }
        }
    }
}
