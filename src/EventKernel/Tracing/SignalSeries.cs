namespace CircuitNeuro.EventKernel.Tracing;

/// <summary>A named time series (parallel time/value lists).</summary>
public sealed class SignalSeries(string name)
{
    private readonly List<double> _times = [];
    private readonly List<double> _values = [];

    public string Name { get; } = name;
    public int Count => _times.Count;
    public IReadOnlyList<double> Times => _times;
    public IReadOnlyList<double> Values => _values;

    public void Add(double time, double value)
    {
        _times.Add(time);
        _values.Add(value);
    }
}
