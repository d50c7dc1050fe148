using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Waveforms;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>Independent current source; the current flows from the + node through the source to the − node (SPICE sign).</summary>
public sealed class CurrentSource : Element
{
    public CurrentSource(string name, string plus, string minus, double dc, Waveform? waveform = null) : base(name, plus, minus)
    {
        DcValue = dc;
        Waveform = waveform;
    }

    public double DcValue { get; set; }
    public Waveform? Waveform { get; set; }
    public override string Category => "source";

    public double ValueAt(LoadContext ctx) => Waveforms.SourceValue.At(ctx, DcValue, Waveform);

    public override void RegisterSlots(SetupContext ctx) { }

    public override void Load(LoadContext ctx)
    {
        double i = ValueAt(ctx);
        ctx.AddRhs(NodeIndex[0], -i);
        ctx.AddRhs(NodeIndex[1], i);
    }

    public override double Power(LoadContext ctx) => (ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1])) * ValueAt(ctx);

    public override void BindTransient(double step, double stop) => Waveform?.BindTransient(step, stop);

    public override void CollectBreakpoints(double from, double to, List<double> breakpoints) =>
        Waveform?.CollectBreakpoints(from, to, breakpoints);
}
