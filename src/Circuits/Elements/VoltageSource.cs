using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Waveforms;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>
/// Independent voltage source. The operating point uses the DC value, or the waveform at t = 0
/// when no DC value is given (ngspice does the same, with a warning); the transient uses the waveform.
/// </summary>
public sealed class VoltageSource : Element, IBranchElement
{
    private BranchStamp _stamp;

    public VoltageSource(string name, string plus, string minus, double dc, Waveform? waveform = null) : base(name, plus, minus)
    {
        DcValue = dc;
        Waveform = waveform;
    }

    /// <summary>DC value; may be changed between solves (DC sweeps, event-driven drivers). NaN: use the waveform at t = 0.</summary>
    public double DcValue { get; set; }
    public Waveform? Waveform { get; set; }
    public int Branch { get; private set; }
    public override string Category => "source";

    public double ValueAt(LoadContext ctx) => Waveforms.SourceValue.At(ctx, DcValue, Waveform);

    public override void AllocateUnknowns(SetupContext ctx) => Branch = ctx.AddUnknown($"i({Name})");

    public override void RegisterSlots(SetupContext ctx) => _stamp.Register(ctx, NodeIndex[0], NodeIndex[1], Branch);

    public override void Load(LoadContext ctx)
    {
        _stamp.Load(ctx);
        ctx.AddRhs(Branch, ValueAt(ctx));
    }

    /// <summary>Current through the source from + to − (SPICE sign: negative when the source delivers power).</summary>
    public double Current(LoadContext ctx) => ctx.Solution[Branch];

    public override double Power(LoadContext ctx) => (ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1])) * ctx.Solution[Branch];

    public override void BindTransient(double step, double stop) => Waveform?.BindTransient(step, stop);

    public override void CollectBreakpoints(double from, double to, List<double> breakpoints) =>
        Waveform?.CollectBreakpoints(from, to, breakpoints);
}
