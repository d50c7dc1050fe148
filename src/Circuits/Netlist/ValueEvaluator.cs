namespace CircuitNeuro.Circuits.Netlist;

/// <summary>Turns value tokens and .param/.func cards into numbers in a scope, with located errors.</summary>
internal static class ValueEvaluator
{
    /// <summary>A number ("1k"), a bare expression/parameter name ("rval"), or a {..}/'..' expression.</summary>
    /// <param name="context">Optional prefix for the error message, e.g. "parameter 'w'".</param>
    public static double Evaluate(Token token, ParameterScope scope, SourceLocation location, string? element,
        string? context = null)
    {
        if (token.Kind == TokenKind.Word && NumberParser.TryParse(token.Text, out double number)) return number;
        string prefix = context is null ? "" : context + ": ";
        if (!token.IsValue)
            throw new NetlistException(location, element, $"{prefix}expected a value but found '{token.Text}'");
        try
        {
            return Finite(ExpressionParser.Parse(token.Text)(scope), token.ToString());
        }
        catch (ExpressionException ex)
        {
            throw new NetlistException(location, element, prefix + ex.Message);
        }
    }

    /// <summary>True when the token can be read as a value without consulting any scope.</summary>
    public static bool LooksNumeric(Token token) =>
        token.Kind == TokenKind.Expr || (token.Kind == TokenKind.Word && NumberParser.TryParse(token.Text, out _));

    /// <summary>.param a=expr [b=expr ...]: each value may use earlier ones; separators optional.</summary>
    public static void ApplyParam(Card card, ParameterScope scope, string where)
    {
        string text = card.Text.ToLowerInvariant();
        int pos = card.Keyword.Length;
        string? current = null;
        try
        {
            while (true)
            {
                while (pos < text.Length && (char.IsWhiteSpace(text[pos]) || text[pos] == ',')) pos++;
                if (pos >= text.Length) break;
                int nameStart = pos;
                while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '_')) pos++;
                current = text[nameStart..pos];
                if (current.Length == 0 || !(char.IsAsciiLetter(current[0]) || current[0] == '_'))
                    throw new ExpressionException($"expected a parameter name at '{text[nameStart..].Trim()}'");
                while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
                if (pos >= text.Length || text[pos] != '=' || (pos + 1 < text.Length && text[pos + 1] == '='))
                    throw new ExpressionException($"expected '=' after parameter name '{current}'");
                pos++;
                while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
                CompiledExpression expr;
                if (pos < text.Length && text[pos] == '\'')
                {
                    int close = text.IndexOf('\'', pos + 1);
                    if (close < 0) throw new ExpressionException("unterminated quote");
                    expr = ExpressionParser.Parse(text[(pos + 1)..close]);
                    pos = close + 1;
                }
                else
                {
                    expr = ExpressionParser.ParsePrefix(text, pos, out pos);
                }
                scope.Set(current, Finite(expr(scope), current));
            }
            if (current is null) throw new ExpressionException("needs name=value");
        }
        catch (ExpressionException ex)
        {
            string which = current is null ? "" : $" '{current}'";
            throw new NetlistException(card.Location, null, $".param{which}{where}: {ex.Message}");
        }
    }

    /// <summary>.func name(a, b) = expr, or ngspice's .func name(a, b) {expr}.</summary>
    public static void ApplyFunc(Card card, ParameterScope scope, string where)
    {
        string text = card.Text.ToLowerInvariant()[card.Keyword.Length..].Trim();
        int open = text.IndexOf('(');
        int close = text.IndexOf(')');
        string name = open > 0 ? text[..open].Trim() : text;
        try
        {
            if (open <= 0 || close < open || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
                throw new ExpressionException("expected .func name(args) = expression");
            string[] args = text[(open + 1)..close]
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            string body = text[(close + 1)..].Trim();
            if (body.StartsWith('=')) body = body[1..].Trim();
            if (body.Length >= 2 && body[0] == '\'' && body[^1] == '\'') body = body[1..^1];
            if (body.Length == 0) throw new ExpressionException("missing function body");
            if (BuiltinFunctions.TryGet(name, args.Length, out _, out string? arity) || arity is not null)
                throw new ExpressionException($"'{name}' is a built-in function and cannot be redefined");
            scope.Define(new UserFunction(name, args, ExpressionParser.Parse(body), scope));
        }
        catch (ExpressionException ex)
        {
            throw new NetlistException(card.Location, null, $".func '{name}'{where}: {ex.Message}");
        }
    }

    private static double Finite(double value, string what)
    {
        if (!double.IsFinite(value)) throw new ExpressionException($"'{what}' does not evaluate to a finite number");
        return value;
    }
}
