namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// A .subckt body before expansion. Definitions nest lexically: a definition inside another is only
/// visible there. The top level is a definition with no name and no ports.
/// </summary>
internal sealed class SubcircuitDefinition
{
    public required string Name { get; init; }
    public required SourceLocation Location { get; init; }
    public SubcircuitDefinition? Parent { get; init; }
    public List<string> Ports { get; } = new();
    /// <summary>params: name=default, in declaration order (defaults may use earlier ones).</summary>
    public List<(string Name, Token Value)> Defaults { get; } = new();
    /// <summary>Element, X, .param, .func and .model cards in order.</summary>
    public List<Card> Body { get; } = new();
    public Dictionary<string, SubcircuitDefinition> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsTop => Parent is null;

    /// <summary>Lexical lookup: own nested definitions first, then enclosing ones, then global.</summary>
    public SubcircuitDefinition? Resolve(string name)
    {
        for (var d = this; d is not null; d = d.Parent)
            if (d.Children.TryGetValue(name, out var found)) return found;
        return null;
    }
}

/// <summary>Sorts logical lines into the top-level definition, nested .subckt definitions and control cards.</summary>
internal static class DefinitionBuilder
{
    private static readonly HashSet<string> BodyDotCards = new() { ".param", ".func", ".model" };

    public static SubcircuitDefinition Build(IEnumerable<LogicalLine> lines, List<Card> controlCards)
    {
        var top = new SubcircuitDefinition { Name = "", Location = new SourceLocation("", 0) };
        var stack = new Stack<SubcircuitDefinition>();
        stack.Push(top);
        foreach (var line in lines)
        {
            var card = new Card(line);
            var current = stack.Peek();
            switch (card.Keyword)
            {
                case ".subckt":
                    var def = ParseHeader(card, current);
                    if (current.Children.ContainsKey(def.Name))
                        throw new NetlistException(card.Location, null, $"subcircuit '{def.Name}' is defined twice");
                    current.Children[def.Name] = def;
                    stack.Push(def);
                    break;
                case ".ends":
                    if (current.IsTop) throw new NetlistException(card.Location, null, ".ends without .subckt");
                    var t = card.Tokens;
                    if (t.Count > 1 && t[1].Text != current.Name)
                        throw new NetlistException(card.Location, null,
                            $".ends '{t[1].Text}' does not match .subckt '{current.Name}' ({current.Location})");
                    stack.Pop();
                    break;
                default:
                    if (!card.IsDotCard || BodyDotCards.Contains(card.Keyword))
                        current.Body.Add(card);
                    else if (current.IsTop)
                        controlCards.Add(card);
                    else
                        throw new NetlistException(card.Location, null,
                            $"'{card.Keyword}' is not allowed inside .subckt '{current.Name}'");
                    break;
            }
        }
        if (stack.Count > 1)
        {
            var open = stack.Peek();
            throw new NetlistException(open.Location, null, $".subckt '{open.Name}' has no matching .ends");
        }
        return top;
    }

    /// <summary>.subckt name port... [params:] [p=default ...] (the "params:" keyword is optional).</summary>
    private static SubcircuitDefinition ParseHeader(Card card, SubcircuitDefinition parent)
    {
        var t = card.Tokens;
        if (t.Count < 2 || t[1].Kind != TokenKind.Word)
            throw new NetlistException(card.Location, null, ".subckt needs a name");
        var def = new SubcircuitDefinition { Name = t[1].Text, Location = card.Location, Parent = parent };
        int i = 2;
        for (; i < t.Count; i++)
        {
            if (t[i].IsWord("params:")) { i++; break; }
            if (i + 1 < t.Count && t[i + 1].Kind == TokenKind.Equals) break;
            if (t[i].Kind != TokenKind.Word)
                throw new NetlistException(card.Location, null, $".subckt '{def.Name}': unexpected '{t[i]}' in port list");
            string port = NodeNames.Normalize(t[i].Text);
            if (port == "0")
                throw new NetlistException(card.Location, null, $".subckt '{def.Name}': ground cannot be a port");
            if (def.Ports.Contains(port))
                throw new NetlistException(card.Location, null, $".subckt '{def.Name}': port '{port}' listed twice");
            def.Ports.Add(port);
        }
        foreach (var (key, value) in KeyValueReader.Read(t, i, card.Location, null, $".subckt '{def.Name}'"))
            def.Defaults.Add((key, value));
        return def;
    }
}

internal static class NodeNames
{
    /// <summary>Lower-case node name with "gnd" mapped to the global ground "0".</summary>
    public static string Normalize(string node) => node is "gnd" or "0" ? "0" : node;
}

internal static class KeyValueReader
{
    /// <summary>Reads "k = v" triples from <paramref name="start"/> to the end of the card.</summary>
    public static List<(string Key, Token Value)> Read(List<Token> t, int start, SourceLocation location, string? element, string what)
    {
        var result = new List<(string, Token)>();
        for (int i = start; i < t.Count; i += 3)
        {
            if (t[i].Kind != TokenKind.Word || i + 2 >= t.Count || t[i + 1].Kind != TokenKind.Equals || !t[i + 2].IsValue)
                throw new NetlistException(location, element, $"{what}: expected name=value at '{t[i]}'");
            if (result.Any(r => r.Item1 == t[i].Text))
                throw new NetlistException(location, element, $"{what}: '{t[i].Text}' given twice");
            result.Add((t[i].Text, t[i + 2]));
        }
        return result;
    }
}
