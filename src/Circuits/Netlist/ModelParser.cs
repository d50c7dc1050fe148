namespace CircuitNeuro.Circuits.Netlist;

/// <summary>.model name type [(] p1=v1 p2=v2 ... [)]; parameters may be expressions in the instance scope.</summary>
internal static class ModelParser
{
    public static ModelCard Parse(Card card, InstanceContext ctx)
    {
        var t = card.Tokens;
        if (t.Count < 3 || t[1].Kind != TokenKind.Word || t[2].Kind != TokenKind.Word)
            throw new NetlistException(card.Location, null, ".model needs a name and a type");
        string name = ctx.Name(t[1].Text);
        string type = t[2].Text;
        var parameters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var text = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string what = $".model '{name}'";
        int depth = 0;
        for (int i = 3; i < t.Count;)
        {
            var tok = t[i];
            if (tok.Kind == TokenKind.LParen) { depth++; i++; continue; }
            if (tok.Kind == TokenKind.RParen)
            {
                if (--depth < 0) throw new NetlistException(card.Location, null, $"{what}: unbalanced ')'");
                i++;
                continue;
            }
            if (tok.Kind != TokenKind.Word || i + 2 >= t.Count || t[i + 1].Kind != TokenKind.Equals || !t[i + 2].IsValue)
                throw new NetlistException(card.Location, null, $"{what}: expected name=value at '{tok}'");
            if (parameters.ContainsKey(tok.Text) || text.ContainsKey(tok.Text))
                throw new NetlistException(card.Location, null, $"{what}: parameter '{tok.Text}' given twice");
            if (MemristorModelCard.IsTextParameter(type, tok.Text))
            {
                if (t[i + 2].Kind != TokenKind.Word)
                    throw new NetlistException(card.Location, null, $"{what}: parameter '{tok.Text}' takes a word, got '{t[i + 2]}'");
                text[tok.Text] = t[i + 2].Text;
                i += 3;
                continue;
            }
            parameters[tok.Text] = ValueEvaluator.Evaluate(t[i + 2], ctx.Scope, card.Location, null,
                $"{what} parameter '{tok.Text}'{ctx.Where}");
            i += 3;
        }
        if (depth != 0) throw new NetlistException(card.Location, null, $"{what}: missing ')'");
        return new ModelCard { Name = name, Type = type, Parameters = parameters, TextParameters = text, Location = card.Location };
    }
}
