using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>E: voltage-controlled voltage source, v(p,n) = gain·v(cp,cn).</summary>
public sealed class Vcvs(string name, string p, string n, string cp, string cn, double gain) : Element(name, p, n, cp, cn), IBranchElement
{
    private BranchStamp _stamp;
    private int _cp, _cn;
    public double Gain { get; } = gain;
    public int Branch { get; private set; }
    public override string Category => "controlled-source";

    public override void AllocateUnknowns(SetupContext ctx) => Branch = ctx.AddUnknown($"i({Name})");

    public override void RegisterSlots(SetupContext ctx)
    {
        _stamp.Register(ctx, NodeIndex[0], NodeIndex[1], Branch);
        _cp = ctx.Slot(Branch, NodeIndex[2]);
        _cn = ctx.Slot(Branch, NodeIndex[3]);
    }

    public override void Load(LoadContext ctx)
    {
        _stamp.Load(ctx);
        ctx.Add(_cp, -Gain);
        ctx.Add(_cn, Gain);
    }

    public override double Power(LoadContext ctx) => (ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1])) * ctx.Solution[Branch];
}

/// <summary>G: voltage-controlled current source, i(p→n) = gm·v(cp,cn).</summary>
public sealed class Vccs(string name, string p, string n, string cp, string cn, double transconductance) : Element(name, p, n, cp, cn)
{
    private TransconductanceStamp _stamp;
    public double Transconductance { get; } = transconductance;
    public override string Category => "controlled-source";

    public override void RegisterSlots(SetupContext ctx) => _stamp.Register(ctx, NodeIndex[0], NodeIndex[1], NodeIndex[2], NodeIndex[3]);

    public override void Load(LoadContext ctx) => _stamp.Load(ctx, Transconductance);

    public override double Power(LoadContext ctx) =>
        (ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1])) * Transconductance * (ctx.V(NodeIndex[2]) - ctx.V(NodeIndex[3]));
}

/// <summary>F: current-controlled current source, i(p→n) = gain·i(control), sensing a branch element's current.</summary>
public sealed class Cccs(string name, string p, string n, string control, double gain) : Element(name, p, n)
{
    private int _p, _n;
    private IBranchElement? _control;
    public string Control { get; } = control;
    public double Gain { get; } = gain;
    public override string Category => "controlled-source";

    public override void RegisterSlots(SetupContext ctx)
    {
        _control = ctx.Find(Control, this) as IBranchElement
            ?? throw new CircuitException(Name, $"controlling element '{Control}' carries no branch current (use a voltage source)");
        _p = ctx.Slot(NodeIndex[0], _control.Branch);
        _n = ctx.Slot(NodeIndex[1], _control.Branch);
    }

    public override void Load(LoadContext ctx)
    {
        ctx.Add(_p, Gain);
        ctx.Add(_n, -Gain);
    }

    public override double Power(LoadContext ctx) =>
        (ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1])) * Gain * ctx.Solution[_control!.Branch];
}

/// <summary>H: current-controlled voltage source, v(p,n) = r·i(control).</summary>
public sealed class Ccvs(string name, string p, string n, string control, double transresistance) : Element(name, p, n), IBranchElement
{
    private BranchStamp _stamp;
    private int _ctrlSlot;
    public string Control { get; } = control;
    public double Transresistance { get; } = transresistance;
    public int Branch { get; private set; }
    public override string Category => "controlled-source";

    public override void AllocateUnknowns(SetupContext ctx) => Branch = ctx.AddUnknown($"i({Name})");

    public override void RegisterSlots(SetupContext ctx)
    {
        var control = ctx.Find(Control, this) as IBranchElement
            ?? throw new CircuitException(Name, $"controlling element '{Control}' carries no branch current (use a voltage source)");
        _stamp.Register(ctx, NodeIndex[0], NodeIndex[1], Branch);
        _ctrlSlot = ctx.Slot(Branch, control.Branch);
    }

    public override void Load(LoadContext ctx)
    {
        _stamp.Load(ctx);
        ctx.Add(_ctrlSlot, -Transresistance);
    }

    public override double Power(LoadContext ctx) => (ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1])) * ctx.Solution[Branch];
}
