namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// An element card split into positional tokens and key=value pairs, with helpers that evaluate in
/// the instance scope and raise errors naming the file, line and flattened element name.
/// </summary>
internal sealed class ElementLine
{
    public ElementLine(Card card, InstanceContext ctx)
    {
        Card = card;
        Context = ctx;
        Name = ctx.Name(card.Keyword);
        var t = card.Tokens;
        for (int i = 1; i < t.Count; i++)
        {
            if (i + 1 < t.Count && t[i + 1].Kind == TokenKind.Equals)
            {
                if (t[i].Kind != TokenKind.Word || i + 2 >= t.Count || !t[i + 2].IsValue)
                    throw Fail($"expected name=value at '{t[i]}'");
                var values = new List<Token> { t[i + 2] };
                int j = i + 3;
                // ic=vds,vgs,vbs: a list value; further numbers belong to the same key.
                while (t[i].Text == "ic" && j < t.Count && ValueEvaluator.LooksNumeric(t[j])
                       && !(j + 1 < t.Count && t[j + 1].Kind == TokenKind.Equals))
                    values.Add(t[j++]);
                if (Pairs.Any(p => p.Key == t[i].Text)) throw Fail($"parameter '{t[i].Text}' given twice");
                Pairs.Add((t[i].Text, values));
                i = j - 1;
            }
            else
            {
                Positional.Add(t[i]);
            }
        }
    }

    public Card Card { get; }
    public InstanceContext Context { get; }
    /// <summary>Flattened element name ("x1.r2").</summary>
    public string Name { get; }
    public char Kind => char.ToUpperInvariant(Card.Keyword[0]);
    public SourceLocation Location => Card.Location;
    public List<Token> Positional { get; } = new();
    public List<(string Key, List<Token> Values)> Pairs { get; } = new();

    public NetlistException Fail(string message) => new(Card.Location, Name, message);

    public double Evaluate(Token token, string? what = null) =>
        ValueEvaluator.Evaluate(token, Context.Scope, Card.Location, Name, what);

    public string Node(int index)
    {
        var t = Positional[index];
        if (t.Kind != TokenKind.Word) throw Fail($"expected a node name but found '{t}'");
        return Context.Node(t.Text);
    }

    public List<string> Nodes(int count) => Enumerable.Range(0, count).Select(Node).ToList();

    /// <summary>Evaluated pairs; list values become key, key2, key3.</summary>
    public Dictionary<string, double> EvaluatePairs(params string[] skip)
    {
        var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in Pairs)
        {
            if (skip.Contains(key)) continue;
            for (int k = 0; k < values.Count; k++)
                result[k == 0 ? key : key + (k + 1)] = Evaluate(values[k], $"parameter '{key}'");
        }
        return result;
    }

    public Token? Pair(string key) => Pairs.FirstOrDefault(p => p.Key == key).Values?[0];

    /// <summary>Flattened name of the model, checking it exists and has one of the allowed types.</summary>
    public string ResolveModel(Token token, IReadOnlyDictionary<string, ModelCard> models, params string[] types)
    {
        if (token.Kind != TokenKind.Word) throw Fail($"expected a model name but found '{token}'");
        string? flat = Context.ResolveModel(token.Text);
        if (flat is null) throw Fail($"unknown model '{token.Text}'");
        string type = models[flat].Type;
        if (!types.Contains(type))
            throw Fail($"model '{token.Text}' has type '{type}' but {string.Join(" or ", types)} is required");
        return flat;
    }
}
