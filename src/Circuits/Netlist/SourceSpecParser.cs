namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// V/I n+ n- [[DC] value] [AC [mag [phase]]] [PULSE(..) | SIN(..) | PWL(..) [r=..] [td=..]].
/// Parentheses around function arguments are optional and commas may separate them, as in ngspice.
/// </summary>
internal static class SourceSpecParser
{
    private static readonly HashSet<string> Keywords = new() { "dc", "ac", "pulse", "sin", "pwl" };
    private static readonly HashSet<string> UnsupportedFunctions =
        new() { "exp", "sffm", "am", "trnoise", "trrandom", "distof1", "distof2", "portnum", "z0" };

    public static ElementCard Parse(ElementLine e)
    {
        // Parse the raw token stream: r=/td= of PWL appear as pairs, so the generic split is not used.
        var t = e.Card.Tokens;
        if (t.Count < 3 || t[1].Kind != TokenKind.Word || t[2].Kind != TokenKind.Word)
            throw e.Fail($"{e.Kind} needs 2 nodes");
        var nodes = new List<string> { e.Context.Node(t[1].Text), e.Context.Node(t[2].Text) };
        double dc = double.NaN;
        WaveformSpec? wave = null;
        var parameters = new Dictionary<string, double>();
        int i = 3;
        while (i < t.Count)
        {
            var tok = t[i];
            string word = tok.Kind == TokenKind.Word ? tok.Text : "";
            if (UnsupportedFunctions.Contains(word))
                throw e.Fail($"source function '{word.ToUpperInvariant()}' is not supported (use PULSE, SIN or PWL)");
            if (word == "dc")
            {
                if (i + 1 >= t.Count || !t[i + 1].IsValue || Keywords.Contains(t[i + 1].Text))
                    throw e.Fail("DC needs a value");
                dc = SetDc(e, dc, t[i + 1]);
                i += 2;
            }
            else if (word == "ac")
            {
                i++;
                string[] names = { "acmag", "acphase" };
                parameters["acmag"] = 1; // ngspice default magnitude
                for (int k = 0; k < 2 && i < t.Count && IsArgument(t, i); k++, i++)
                    parameters[names[k]] = e.Evaluate(t[i], $"AC {names[k][2..]}");
            }
            else if (word is "pulse" or "sin" or "pwl")
            {
                if (wave is not null) throw e.Fail($"more than one transient function ('{word.ToUpperInvariant()}')");
                wave = ParseFunction(e, t, ref i, word);
            }
            else if (tok.IsValue && !(i + 1 < t.Count && t[i + 1].Kind == TokenKind.Equals))
            {
                dc = SetDc(e, dc, tok);
                i++;
            }
            else
            {
                throw e.Fail($"unexpected '{tok}'");
            }
        }
        return new ElementCard
        {
            Name = e.Name, Kind = e.Kind, Nodes = nodes, DcValue = dc,
            Waveform = wave ?? new DcSpec(double.IsNaN(dc) ? 0 : dc),
            Parameters = parameters, Location = e.Location,
        };
    }

    private static double SetDc(ElementLine e, double current, Token value)
    {
        if (!double.IsNaN(current)) throw e.Fail($"DC value given twice (at '{value}')");
        return e.Evaluate(value, "DC value");
    }

    /// <summary>A function argument: a value that is not a keyword and not the name of a name=value pair.</summary>
    private static bool IsArgument(List<Token> t, int i) =>
        t[i].IsValue && !Keywords.Contains(t[i].Text) && !UnsupportedFunctions.Contains(t[i].Text)
        && !(i + 1 < t.Count && t[i + 1].Kind == TokenKind.Equals);

    private static WaveformSpec ParseFunction(ElementLine e, List<Token> t, ref int i, string name)
    {
        string upper = name.ToUpperInvariant();
        i++;
        bool paren = i < t.Count && t[i].Kind == TokenKind.LParen;
        if (paren) i++;
        var args = new List<double>();
        var pairs = new Dictionary<string, double>();
        while (i < t.Count && t[i].Kind != TokenKind.RParen)
        {
            if (i + 1 < t.Count && t[i + 1].Kind == TokenKind.Equals)
            {
                ReadPair(e, t, ref i, name, pairs);
                continue;
            }
            if (!IsArgument(t, i)) break;
            args.Add(e.Evaluate(t[i], $"{upper} argument {args.Count + 1}"));
            i++;
        }
        if (paren)
        {
            if (i >= t.Count || t[i].Kind != TokenKind.RParen) throw e.Fail($"{upper}( has no closing ')'");
            i++;
        }
        // PWL accepts r= and td= after the closing parenthesis too.
        while (name == "pwl" && i + 1 < t.Count && t[i + 1].Kind == TokenKind.Equals)
            ReadPair(e, t, ref i, name, pairs);
        if (name != "pwl" && pairs.Count > 0) throw e.Fail($"{upper} takes no name=value arguments");

        return name switch
        {
            "pulse" => new PulseSpec(Pad(e, args, 2, 8, upper)),
            "sin" => new SinSpec(Pad(e, args, 2, 6, upper)),
            _ => Pwl(e, args, pairs),
        };
    }

    private static void ReadPair(ElementLine e, List<Token> t, ref int i, string function, Dictionary<string, double> pairs)
    {
        string key = t[i].Text;
        if (function == "pwl" && key == "file")
            throw e.Fail("PWL FILE= is not supported; give the time/value pairs inline");
        if (t[i].Kind != TokenKind.Word || i + 2 >= t.Count || !t[i + 2].IsValue)
            throw e.Fail($"expected name=value at '{t[i]}'");
        if (function != "pwl" || key is not ("r" or "td"))
            throw e.Fail($"unknown {function.ToUpperInvariant()} option '{key}'");
        pairs[key] = e.Evaluate(t[i + 2], $"PWL {key}");
        i += 3;
    }

    private static double[] Pad(ElementLine e, List<double> args, int min, int max, string name)
    {
        if (args.Count < min || args.Count > max)
            throw e.Fail($"{name} takes {min} to {max} arguments, got {args.Count}");
        var result = Enumerable.Repeat(double.NaN, max).ToArray();
        args.CopyTo(result);
        return result;
    }

    private static PwlSpec Pwl(ElementLine e, List<double> args, Dictionary<string, double> pairs)
    {
        if (args.Count < 2 || args.Count % 2 != 0)
            throw e.Fail($"PWL needs time/value pairs, got {args.Count} value(s)");
        var times = new double[args.Count / 2];
        var values = new double[args.Count / 2];
        for (int k = 0; k < times.Length; k++)
        {
            times[k] = args[2 * k];
            values[k] = args[2 * k + 1];
            if (k > 0 && times[k] < times[k - 1])
                throw e.Fail($"PWL time points must not decrease ({times[k]} after {times[k - 1]})");
        }
        double repeat = pairs.GetValueOrDefault("r", double.NaN);
        if (!double.IsNaN(repeat) && (repeat < 0 || repeat >= times[^1]))
            throw e.Fail($"PWL r={repeat} must lie within the time points (0 .. {times[^1]})");
        return new PwlSpec(times, values, repeat, pairs.GetValueOrDefault("td", double.NaN));
    }
}
