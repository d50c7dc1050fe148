namespace CircuitNeuro.Circuits.Netlist;

/// <summary>Top-level dot cards other than .subckt/.param/.func/.model: analyses, options, .ic, .temp.</summary>
internal static class ControlCardParser
{
    /// <summary>Output requests: meaningful only to ngspice's own front end, so accepted and ignored.</summary>
    private static readonly HashSet<string> Ignored =
        new() { ".save", ".print", ".plot", ".probe", ".meas", ".measure", ".width" };

    private static readonly HashSet<string> UnsupportedAnalyses =
        new() { ".ac", ".noise", ".tf", ".sens", ".pz", ".disto", ".four", ".fourier", ".pss", ".sp" };

    public static void Apply(Card card, ParsedNetlist netlist, ParameterScope scope)
    {
        var t = card.Tokens;
        var loc = card.Location;
        double Value(int i, string what) => ValueEvaluator.Evaluate(t[i], scope, loc, null, $"{card.Keyword} {what}");
        NetlistException Fail(string message) => new(loc, null, $"{card.Keyword}: {message}");

        switch (card.Keyword)
        {
            case ".op":
                if (t.Count != 1) throw Fail("takes no arguments");
                netlist.Analyses.Add(new OpCard(loc));
                break;
            case ".tran":
            {
                bool uic = t.Count > 0 && t[^1].IsWord("uic");
                int n = t.Count - 1 - (uic ? 1 : 0);
                if (n is < 2 or > 4) throw Fail("expected tstep tstop [tstart [tmax]] [uic]");
                double step = Value(1, "tstep"), stop = Value(2, "tstop");
                double start = n >= 3 ? Value(3, "tstart") : double.NaN;
                double max = n >= 4 ? Value(4, "tmax") : double.NaN;
                if (step <= 0 || stop <= 0) throw Fail("tstep and tstop must be positive");
                if (start >= stop) throw Fail("tstart must be less than tstop");
                netlist.Analyses.Add(new TranCard(loc, step, stop, start, max, uic));
                break;
            }
            case ".dc":
            {
                if (t.Count != 5 && t.Count != 9) throw Fail("expected src start stop step [src2 start2 stop2 step2]");
                if (t[1].Kind != TokenKind.Word || (t.Count == 9 && t[5].Kind != TokenKind.Word))
                    throw Fail("expected a source name");
                double step = Value(4, "step");
                if (step == 0) throw Fail("step must not be zero");
                var dc = new DcCard(loc, t[1].Text, Value(2, "start"), Value(3, "stop"), step);
                if (t.Count == 9)
                {
                    double step2 = Value(8, "step2");
                    if (step2 == 0) throw Fail("step2 must not be zero");
                    dc = dc with { Source2 = t[5].Text, Start2 = Value(6, "start2"), Stop2 = Value(7, "stop2"), Step2 = step2 };
                }
                netlist.Analyses.Add(dc);
                break;
            }
            case ".temp":
                if (t.Count != 2) throw Fail("expected one temperature");
                netlist.Temperature = Value(1, "value");
                break;
            case ".options":
            case ".option":
            case ".opt":
                Options(card, netlist, scope);
                break;
            case ".ic":
                InitialConditions(card, netlist, scope);
                break;
            case ".title":
                break; // handled by NetlistParser before the netlist object exists
            default:
                if (Ignored.Contains(card.Keyword)) break;
                if (UnsupportedAnalyses.Contains(card.Keyword))
                    throw new NetlistException(loc, null, $"analysis '{card.Keyword}' is not supported (use .op, .dc or .tran)");
                throw new NetlistException(loc, null, $"unknown or unsupported control card '{card.Keyword}'");
        }
    }

    /// <summary>.options k=v ... ; bare flags are stored as 1, non-numeric values as text (method=gear).</summary>
    private static void Options(Card card, ParsedNetlist netlist, ParameterScope scope)
    {
        var t = card.Tokens;
        for (int i = 1; i < t.Count;)
        {
            if (t[i].Kind != TokenKind.Word) throw new NetlistException(card.Location, null, $"{card.Keyword}: unexpected '{t[i]}'");
            string key = t[i].Text;
            if (i + 1 < t.Count && t[i + 1].Kind == TokenKind.Equals)
            {
                if (i + 2 >= t.Count || !t[i + 2].IsValue)
                    throw new NetlistException(card.Location, null, $"{card.Keyword}: option '{key}' has no value");
                var v = t[i + 2];
                if (ValueEvaluator.LooksNumeric(v))
                    netlist.Options[key] = ValueEvaluator.Evaluate(v, scope, card.Location, null, $"option '{key}'");
                else
                    netlist.TextOptions[key] = v.Text;
                i += 3;
            }
            else
            {
                netlist.Options[key] = 1;
                i++;
            }
        }
    }

    /// <summary>.ic v(node)=value ...</summary>
    private static void InitialConditions(Card card, ParsedNetlist netlist, ParameterScope scope)
    {
        var t = card.Tokens;
        if (t.Count == 1) throw new NetlistException(card.Location, null, ".ic: expected v(node)=value");
        for (int i = 1; i < t.Count; i += 6)
        {
            bool ok = i + 5 < t.Count && t[i].IsWord("v") && t[i + 1].Kind == TokenKind.LParen
                      && t[i + 2].Kind == TokenKind.Word && t[i + 3].Kind == TokenKind.RParen
                      && t[i + 4].Kind == TokenKind.Equals && t[i + 5].IsValue;
            if (!ok) throw new NetlistException(card.Location, null, $".ic: expected v(node)=value at '{t[i]}'");
            string node = NodeNames.Normalize(t[i + 2].Text);
            netlist.InitialConditions[node] =
                ValueEvaluator.Evaluate(t[i + 5], scope, card.Location, null, $".ic v({node})");
        }
    }
}
