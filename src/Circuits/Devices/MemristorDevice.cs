namespace CircuitNeuro.Circuits.Devices;

/// <summary>One physical device: its own model instance (its drawn parameters) and its present state.</summary>
public sealed class MemristorDevice
{
    private double _state;

    public MemristorDevice(IMemristorModel model, double initialState, string name = "")
    {
        Model = model;
        Name = name;
        State = initialState;
    }

    public IMemristorModel Model { get; }
    public string Name { get; }

    /// <summary>Present state, kept inside the model's bounds.</summary>
    public double State
    {
        get => _state;
        set
        {
            if (double.IsNaN(value)) throw new ArgumentException($"device {Name}: state is NaN");
            _state = Math.Clamp(value, Model.MinState, Model.MaxState);
        }
    }

    public double ReadConductance(double readVoltage = 0.1) => Model.ReadConductance(_state, readVoltage);

    public override string ToString() => $"{Name}({Model.Name}, x={_state:G6})";
}
