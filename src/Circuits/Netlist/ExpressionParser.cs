namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// Recursive-descent parser for parameter expressions, compiled to closures. Precedence (low→high):
/// ?: , ||, &amp;&amp;, comparisons, + -, * /, unary - + !, ^ and ** (right-associative, so -2^2 = -4
/// like ngspice). Numbers accept SPICE suffixes ("2k*3"); braces act as parentheses.
/// </summary>
internal sealed class ExpressionParser
{
    private enum Kind { Number, Ident, Op, End }
    private readonly record struct Tok(Kind Kind, string Text, double Value, int Start, int End);

    private readonly string _text;
    private int _pos;
    private Tok _tok;

    private ExpressionParser(string text, int start)
    {
        _text = text;
        _pos = start;
        Advance();
    }

    /// <summary>Parses the whole text as one expression.</summary>
    public static CompiledExpression Parse(string text)
    {
        var p = new ExpressionParser(text, 0);
        if (p._tok.Kind == Kind.End) throw new ExpressionException("empty expression");
        var e = p.ParseTernary();
        if (p._tok.Kind != Kind.End) throw p.Error($"unexpected '{p._tok.Text}'");
        return e;
    }

    /// <summary>
    /// Parses the longest expression starting at <paramref name="start"/> and returns where it stopped,
    /// so ".param a=1 b=2" can be split without requiring separators.
    /// </summary>
    public static CompiledExpression ParsePrefix(string text, int start, out int end)
    {
        var p = new ExpressionParser(text, start);
        if (p._tok.Kind == Kind.End) throw new ExpressionException("missing expression");
        var e = p.ParseTernary();
        end = p._tok.Start;
        return e;
    }

    private ExpressionException Error(string what) =>
        new($"syntax error in expression '{_text.Trim()}': {what}");

    private void Advance()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
        int start = _pos;
        if (_pos >= _text.Length) { _tok = new Tok(Kind.End, "end of expression", 0, start, start); return; }
        char c = _text[_pos];
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            NumberParser.TryParsePrefix(_text, _pos, allowSign: false, out double v, out _pos);
            _tok = new Tok(Kind.Number, _text[start.._pos], v, start, _pos);
            return;
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
            _tok = new Tok(Kind.Ident, _text[start.._pos].ToLowerInvariant(), 0, start, _pos);
            return;
        }
        string two = _pos + 1 < _text.Length ? _text.Substring(_pos, 2) : "";
        if (two is "**" or "==" or "!=" or "<=" or ">=" or "&&" or "||")
        {
            _pos += 2;
            _tok = new Tok(Kind.Op, two, 0, start, _pos);
            return;
        }
        if ("+-*/^()?:<>!,=".Contains(c) || c == '{' || c == '}')
        {
            _pos++;
            string op = c == '{' ? "(" : c == '}' ? ")" : c.ToString();
            _tok = new Tok(Kind.Op, op, 0, start, _pos);
            return;
        }
        throw Error($"unexpected character '{c}'");
    }

    private bool Accept(string op)
    {
        if (_tok.Kind != Kind.Op || _tok.Text != op) return false;
        Advance();
        return true;
    }

    private void Expect(string op)
    {
        if (!Accept(op)) throw Error($"expected '{op}' but found '{_tok.Text}'");
    }

    private CompiledExpression ParseTernary()
    {
        var cond = ParseOr();
        if (!Accept("?")) return cond;
        var a = ParseTernary();
        Expect(":");
        var b = ParseTernary();
        return s => cond(s) != 0 ? a(s) : b(s);
    }

    private CompiledExpression ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||")) { var l = left; var r = ParseAnd(); left = s => (l(s) != 0 || r(s) != 0) ? 1 : 0; }
        return left;
    }

    private CompiledExpression ParseAnd()
    {
        var left = ParseComparison();
        while (Accept("&&")) { var l = left; var r = ParseComparison(); left = s => (l(s) != 0 && r(s) != 0) ? 1 : 0; }
        return left;
    }

    private CompiledExpression ParseComparison()
    {
        var l = ParseAdditive();
        if (_tok.Kind != Kind.Op) return l;
        Func<double, double, bool>? cmp = _tok.Text switch
        {
            "==" => (a, b) => a == b,
            "!=" => (a, b) => a != b,
            "<" => (a, b) => a < b,
            "<=" => (a, b) => a <= b,
            ">" => (a, b) => a > b,
            ">=" => (a, b) => a >= b,
            _ => null,
        };
        if (cmp is null) return l;
        Advance();
        var r = ParseAdditive();
        return s => cmp(l(s), r(s)) ? 1 : 0;
    }

    private CompiledExpression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            var l = left;
            if (Accept("+")) { var r = ParseMultiplicative(); left = s => l(s) + r(s); }
            else if (Accept("-")) { var r = ParseMultiplicative(); left = s => l(s) - r(s); }
            else return left;
        }
    }

    private CompiledExpression ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            var l = left;
            if (Accept("*")) { var r = ParseUnary(); left = s => l(s) * r(s); }
            else if (Accept("/")) { var r = ParseUnary(); left = s => l(s) / r(s); }
            else return left;
        }
    }

    private CompiledExpression ParseUnary()
    {
        if (Accept("-")) { var e = ParseUnary(); return s => -e(s); }
        if (Accept("+")) return ParseUnary();
        if (Accept("!")) { var e = ParseUnary(); return s => e(s) == 0 ? 1 : 0; }
        return ParsePower();
    }

    private CompiledExpression ParsePower()
    {
        var b = ParsePrimary();
        if (!Accept("^") && !Accept("**")) return b;
        var x = ParseUnary(); // right-associative; allows 2^-1
        return s => Math.Pow(b(s), x(s));
    }

    private CompiledExpression ParsePrimary()
    {
        var t = _tok;
        switch (t.Kind)
        {
            case Kind.Number:
                Advance();
                double v = t.Value;
                return _ => v;
            case Kind.Ident:
                Advance();
                if (Accept("(")) return ParseCall(t.Text);
                return Reference(t.Text);
            default:
                if (Accept("("))
                {
                    var e = ParseTernary();
                    Expect(")");
                    return e;
                }
                throw Error($"unexpected '{t.Text}'");
        }
    }

    private static CompiledExpression Reference(string name)
    {
        return s =>
        {
            if (s.TryGet(name, out double v)) return v;
            if (name == "pi") return Math.PI;
            throw new ExpressionException($"undefined parameter '{name}'");
        };
    }

    private CompiledExpression ParseCall(string name)
    {
        var args = new List<CompiledExpression>();
        if (!Accept(")"))
        {
            do args.Add(ParseTernary()); while (Accept(","));
            Expect(")");
        }
        var a = args.ToArray();
        if (BuiltinFunctions.TryGet(name, a.Length, out var builtin, out string? arityError))
            return s =>
            {
                var values = new double[a.Length];
                for (int i = 0; i < a.Length; i++) values[i] = a[i](s);
                return builtin(values);
            };
        if (arityError is not null) throw new ExpressionException(arityError);
        return s => CallUser(s, name, a);
    }

    [ThreadStatic] private static int _callDepth;

    private static double CallUser(ParameterScope scope, string name, CompiledExpression[] args)
    {
        var f = scope.FindFunction(name) ?? throw new ExpressionException($"undefined function '{name}'");
        if (f.Arguments.Length != args.Length)
            throw new ExpressionException($"function '{name}' takes {f.Arguments.Length} argument(s), {args.Length} given");
        var local = new ParameterScope(f.DefinitionScope);
        for (int i = 0; i < args.Length; i++) local.Set(f.Arguments[i], args[i](scope));
        if (_callDepth >= 200) throw new ExpressionException($"function '{name}' recurses too deeply");
        _callDepth++;
        try { return f.Body(local); }
        finally { _callDepth--; }
    }
}
