namespace CircuitNeuro.Circuits.Netlist;

/// <summary>Parses one element card (not X, not V/I waveforms — see SourceSpecParser) into an ElementCard.</summary>
internal static class ElementParser
{
    private static readonly Dictionary<char, string> Unsupported = new()
    {
        ['a'] = "XSPICE code model", ['b'] = "behavioural source", ['j'] = "JFET", ['k'] = "coupled inductors",
        ['n'] = "OSDI/Verilog-A device", ['o'] = "lossy transmission line", ['p'] = "coupled transmission line",
        ['q'] = "bipolar transistor", ['t'] = "transmission line", ['u'] = "uniform RC line",
        ['z'] = "MESFET",
    };

    /// <summary>Words that introduce ngspice behavioural/polynomial forms of E/G/F/H.</summary>
    private static readonly HashSet<string> BehaviouralWords = new() { "value", "vol", "cur", "poly", "table", "laplace", "freq" };

    public static ElementCard Parse(Card card, InstanceContext ctx, IReadOnlyDictionary<string, ModelCard> models)
    {
        char letter = card.Keyword[0];
        if (Unsupported.TryGetValue(letter, out var what))
            throw new NetlistException(card.Location, ctx.Name(card.Keyword),
                $"element type '{char.ToUpperInvariant(letter)}' ({what}) is not supported");
        if (!char.IsAsciiLetter(letter) || "rclvidmegfhswy".IndexOf(letter) < 0)
            throw new NetlistException(card.Location, ctx.Name(card.Keyword),
                $"unknown element type '{char.ToUpperInvariant(letter)}'");

        var e = new ElementLine(card, ctx);
        return letter switch
        {
            'r' or 'c' or 'l' => Passive(e),
            'v' or 'i' => SourceSpecParser.Parse(e),
            'd' => Diode(e, models),
            'm' => Mosfet(e, models),
            'e' or 'g' => VoltageControlled(e),
            'f' or 'h' => CurrentControlled(e),
            's' => Switch(e, models),
            'y' => Memristor(e, models),
            _ => CurrentSwitch(e, models),
        };
    }

    /// <summary>R/C/L n1 n2 value [key=value ...]; "r=", "c=", "l=" may give the value instead.</summary>
    private static ElementCard Passive(ElementLine e)
    {
        string valueKey = char.ToLowerInvariant(e.Kind).ToString();
        var keyed = e.Pair(valueKey);
        int expected = keyed is null ? 3 : 2;
        if (e.Positional.Count != expected)
            throw e.Fail($"{e.Kind} needs 2 nodes and a value, got {e.Positional.Count} field(s)");
        return new ElementCard
        {
            Name = e.Name,
            Kind = e.Kind,
            Nodes = e.Nodes(2),
            Value = e.Evaluate(keyed ?? e.Positional[2], "value"),
            Parameters = e.EvaluatePairs(valueKey),
            Location = e.Location,
        };
    }

    /// <summary>D n+ n- model [area] [off] [area= ic= m= temp= ...].</summary>
    private static ElementCard Diode(ElementLine e, IReadOnlyDictionary<string, ModelCard> models)
    {
        if (e.Positional.Count < 3) throw e.Fail($"D needs 2 nodes and a model, got {e.Positional.Count} field(s)");
        var flags = new List<string>();
        double area = double.NaN;
        foreach (var t in e.Positional.Skip(3))
        {
            if (t.IsWord("off")) flags.Add("off");
            else if (double.IsNaN(area) && t.IsValue) area = e.Evaluate(t, "area");
            else throw e.Fail($"unexpected '{t}'");
        }
        var parameters = e.EvaluatePairs("area");
        if (e.Pair("area") is { } a)
        {
            if (!double.IsNaN(area)) throw e.Fail("area given twice");
            area = e.Evaluate(a, "area");
        }
        return new ElementCard
        {
            Name = e.Name, Kind = 'D', Nodes = e.Nodes(2), Value = area,
            Model = e.ResolveModel(e.Positional[2], models, "d"),
            Parameters = parameters, Flags = flags, Location = e.Location,
        };
    }

    /// <summary>M d g s b model [off] [w= l= ad= as= pd= ps= m= ic=vds,vgs,vbs ...].</summary>
    private static ElementCard Mosfet(ElementLine e, IReadOnlyDictionary<string, ModelCard> models)
    {
        if (e.Positional.Count < 5)
            throw e.Fail($"M needs 4 nodes (d g s b) and a model, got {e.Positional.Count} field(s)");
        var flags = new List<string>();
        foreach (var t in e.Positional.Skip(5))
        {
            if (t.IsWord("off")) flags.Add("off");
            else throw e.Fail($"unexpected '{t}' (MOSFET instance values must be given as name=value)");
        }
        return new ElementCard
        {
            Name = e.Name, Kind = 'M', Nodes = e.Nodes(4),
            Model = e.ResolveModel(e.Positional[4], models, "nmos", "pmos"),
            Parameters = e.EvaluatePairs(), Flags = flags, Location = e.Location,
        };
    }

    private static void RejectBehavioural(ElementLine e)
    {
        var word = e.Positional.Select(t => t.Text).Concat(e.Pairs.Select(p => p.Key)).FirstOrDefault(BehaviouralWords.Contains);
        if (word is not null)
            throw e.Fail($"the '{word.ToUpperInvariant()}' form of {e.Kind} sources is not supported (only linear gain)");
    }

    /// <summary>E/G n+ n- nc+ nc- gain.</summary>
    private static ElementCard VoltageControlled(ElementLine e)
    {
        RejectBehavioural(e);
        if (e.Positional.Count != 5)
            throw e.Fail($"{e.Kind} needs 4 nodes and a gain, got {e.Positional.Count} field(s)");
        return new ElementCard
        {
            Name = e.Name, Kind = e.Kind, Nodes = e.Nodes(4), Value = e.Evaluate(e.Positional[4], "gain"),
            Parameters = e.EvaluatePairs(), Location = e.Location,
        };
    }

    /// <summary>F/H n+ n- vcontrol gain.</summary>
    private static ElementCard CurrentControlled(ElementLine e)
    {
        RejectBehavioural(e);
        if (e.Positional.Count != 4)
            throw e.Fail($"{e.Kind} needs 2 nodes, a controlling voltage source and a gain, got {e.Positional.Count} field(s)");
        return new ElementCard
        {
            Name = e.Name, Kind = e.Kind, Nodes = e.Nodes(2), ControlSource = ControlSource(e, e.Positional[2]),
            Value = e.Evaluate(e.Positional[3], "gain"), Parameters = e.EvaluatePairs(), Location = e.Location,
        };
    }

    /// <summary>S n+ n- nc+ nc- model [on|off].</summary>
    private static ElementCard Switch(ElementLine e, IReadOnlyDictionary<string, ModelCard> models)
    {
        if (e.Positional.Count is < 5 or > 6)
            throw e.Fail($"S needs 4 nodes and a model, got {e.Positional.Count} field(s)");
        return new ElementCard
        {
            Name = e.Name, Kind = 'S', Nodes = e.Nodes(4), Model = e.ResolveModel(e.Positional[4], models, "sw"),
            Flags = SwitchFlags(e, 5), Parameters = e.EvaluatePairs(), Location = e.Location,
        };
    }

    /// <summary>Y n+ n- model [x0=state]: a memristor (CircuitNeuro extension; ngspice's Y is a lossy line, not supported).</summary>
    private static ElementCard Memristor(ElementLine e, IReadOnlyDictionary<string, ModelCard> models)
    {
        if (e.Positional.Count != 3)
            throw e.Fail($"Y needs 2 nodes and a memristor model, got {e.Positional.Count} field(s)");
        var unknown = e.Pairs.Select(p => p.Key).FirstOrDefault(k => k != "x0");
        if (unknown is not null) throw e.Fail($"unknown memristor instance parameter '{unknown}' (only x0)");
        return new ElementCard
        {
            Name = e.Name, Kind = 'Y', Nodes = e.Nodes(2), Model = e.ResolveModel(e.Positional[2], models, "memristor"),
            Parameters = e.EvaluatePairs(), Location = e.Location,
        };
    }

    /// <summary>W n+ n- vcontrol model [on|off].</summary>
    private static ElementCard CurrentSwitch(ElementLine e, IReadOnlyDictionary<string, ModelCard> models)
    {
        if (e.Positional.Count is < 4 or > 5)
            throw e.Fail($"W needs 2 nodes, a controlling voltage source and a model, got {e.Positional.Count} field(s)");
        return new ElementCard
        {
            Name = e.Name, Kind = 'W', Nodes = e.Nodes(2), ControlSource = ControlSource(e, e.Positional[2]),
            Model = e.ResolveModel(e.Positional[3], models, "csw"),
            Flags = SwitchFlags(e, 4), Parameters = e.EvaluatePairs(), Location = e.Location,
        };
    }

    private static List<string> SwitchFlags(ElementLine e, int index)
    {
        if (e.Positional.Count <= index) return new List<string>();
        var t = e.Positional[index];
        if (t.IsWord("on") || t.IsWord("off")) return new List<string> { t.Text };
        throw e.Fail($"unexpected '{t}' (expected on or off)");
    }

    private static string ControlSource(ElementLine e, Token t)
    {
        if (t.Kind != TokenKind.Word || t.Text[0] != 'v')
            throw e.Fail($"controlling source must be a voltage source name, got '{t}'");
        return e.Context.Name(t.Text);
    }
}
