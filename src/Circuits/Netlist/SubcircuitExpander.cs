namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// Expands definitions into flat element and model cards. Per instance: parameters (.param/.func in
/// order, after the params: defaults/overrides), then .model cards, then elements and X instances in
/// order. Evaluating parameters first lets elements use a .param written below them, as ngspice does.
/// </summary>
internal sealed class SubcircuitExpander(ParsedNetlist netlist)
{
    private const int MaxDepth = 100;
    private readonly HashSet<string> _elementNames = new(StringComparer.OrdinalIgnoreCase);

    public void ExpandTop(InstanceContext top) => Expand(top);

    private void Expand(InstanceContext ctx)
    {
        foreach (var card in ctx.Definition.Body)
        {
            if (card.Keyword == ".param") ValueEvaluator.ApplyParam(card, ctx.Scope, ctx.Where);
            else if (card.Keyword == ".func") ValueEvaluator.ApplyFunc(card, ctx.Scope, ctx.Where);
        }
        foreach (var card in ctx.Definition.Body)
            if (card.Keyword == ".model") AddModel(card, ctx);
        foreach (var card in ctx.Definition.Body)
        {
            if (card.IsDotCard) continue;
            if (card.Keyword[0] == 'x') Instantiate(card, ctx);
            else AddElement(ElementParser.Parse(card, ctx, netlist.Models), card);
        }
    }

    private void AddElement(ElementCard element, Card card)
    {
        if (!_elementNames.Add(element.Name))
            throw new NetlistException(card.Location, element.Name, "duplicate element name");
        netlist.Elements.Add(element);
    }

    private void AddModel(Card card, InstanceContext ctx)
    {
        var model = ModelParser.Parse(card, ctx);
        if (netlist.Models.TryGetValue(model.Name, out var existing))
            throw new NetlistException(card.Location, null, $"model '{model.Name}' is already defined at {existing.Location}");
        netlist.Models[model.Name] = model;
        ctx.LocalModels[card.Tokens[1].Text] = model.Name;
    }

    /// <summary>X name node... subckt [params:] [p=v ...]</summary>
    private void Instantiate(Card card, InstanceContext ctx)
    {
        string name = ctx.Name(card.Keyword);
        var t = card.Tokens;
        int pairsStart = t.Count;
        for (int i = 1; i < t.Count; i++)
        {
            if (t[i].IsWord("params:") || (i + 1 < t.Count && t[i + 1].Kind == TokenKind.Equals)) { pairsStart = i; break; }
        }
        var positional = t.GetRange(1, pairsStart - 1);
        if (positional.Count == 0)
            throw new NetlistException(card.Location, name, "subcircuit instance needs nodes and a subcircuit name");
        foreach (var p in positional)
            if (p.Kind != TokenKind.Word)
                throw new NetlistException(card.Location, name, $"unexpected '{p}' in node list");
        string subName = positional[^1].Text;
        var nodes = positional.GetRange(0, positional.Count - 1).Select(p => p.Text).ToList();

        var def = ctx.Definition.Resolve(subName)
            ?? throw new NetlistException(card.Location, name, $"unknown subcircuit '{subName}'");
        if (nodes.Count != def.Ports.Count)
            throw new NetlistException(card.Location, name,
                $"subcircuit '{def.Name}' has {def.Ports.Count} port(s) but {nodes.Count} node(s) were given");
        int depth = 0;
        for (var c = ctx; c is not null; c = c.Caller, depth++)
        {
            if (c.Definition == def)
                throw new NetlistException(card.Location, name, $"recursive instantiation of subcircuit '{def.Name}'");
        }
        if (depth > MaxDepth) throw new NetlistException(card.Location, name, "subcircuit nesting is too deep");

        int start = pairsStart < t.Count && t[pairsStart].IsWord("params:") ? pairsStart + 1 : pairsStart;
        var overrides = new Dictionary<string, double>();
        foreach (var (key, value) in KeyValueReader.Read(t, start, card.Location, name, "instance parameters"))
        {
            if (!def.Defaults.Any(d => d.Name == key))
                throw new NetlistException(card.Location, name, $"subcircuit '{def.Name}' has no parameter '{key}'");
            overrides[key] = ValueEvaluator.Evaluate(value, ctx.Scope, card.Location, name);
        }

        // Find the instance of the definition enclosing 'def' lexically; its scope and models are visible.
        var lexical = ctx;
        while (lexical.Definition != def.Parent) lexical = lexical.Caller!;
        var child = new InstanceContext
        {
            Definition = def,
            Prefix = name + ".",
            Scope = new ParameterScope(lexical.Scope),
            Caller = ctx,
            LexicalParent = lexical,
        };
        for (int i = 0; i < nodes.Count; i++) child.PortMap[def.Ports[i]] = ctx.Node(nodes[i]);
        foreach (var (key, value) in def.Defaults)
        {
            double v = overrides.TryGetValue(key, out double o)
                ? o
                : ValueEvaluator.Evaluate(value, child.Scope, def.Location, null,
                    $".subckt '{def.Name}' parameter '{key}'{child.Where}");
            child.Scope.Set(key, v);
        }
        Expand(child);
    }
}
