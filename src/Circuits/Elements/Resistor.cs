using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>Linear resistor. Its value may change between solves (a programmed synapse) without a new symbolic analysis.</summary>
public sealed class Resistor : Element
{
    private ConductanceStamp _stamp;
    private double _resistance;

    public Resistor(string name, string a, string b, double resistance) : base(name, a, b) => Resistance = resistance;

    public double Resistance
    {
        get => _resistance;
        set
        {
            if (!(value > 0) && !(value < 0)) throw new CircuitException(Name, $"resistance must be non-zero and finite, got {value}");
            if (double.IsInfinity(value) || double.IsNaN(value)) throw new CircuitException(Name, $"resistance must be finite, got {value}");
            _resistance = value;
        }
    }

    public double Conductance
    {
        get => 1 / _resistance;
        set => Resistance = 1 / value;
    }

    public override string Category => "resistor";

    public override void RegisterSlots(SetupContext ctx) => _stamp.Register(ctx, NodeIndex[0], NodeIndex[1]);

    public override void Load(LoadContext ctx) => _stamp.Load(ctx, 1 / _resistance);

    public double Voltage(LoadContext ctx) => ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1]);

    public double Current(LoadContext ctx) => Voltage(ctx) / _resistance;

    public override double Power(LoadContext ctx)
    {
        double v = Voltage(ctx);
        return v * v / _resistance;
    }
}
