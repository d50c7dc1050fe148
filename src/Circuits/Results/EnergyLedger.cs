using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Elements;

namespace CircuitNeuro.Circuits.Results;

/// <summary>
/// Energy probe for every element: E = ∫ p dt with p = Σ v·i absorbed by the element,
/// integrated by the trapezoidal rule over the accepted time points. Sources come out negative
/// when they deliver energy. Snapshots give the energy of any interval (one event, one read).
/// </summary>
public sealed class EnergyLedger
{
    private readonly IReadOnlyList<Element> _elements;
    private readonly double[] _energy;
    private readonly double[] _lastPower;
    private double _lastTime = double.NaN;

    public EnergyLedger(IReadOnlyList<Element> elements)
    {
        _elements = elements;
        _energy = new double[elements.Count];
        _lastPower = new double[elements.Count];
    }

    /// <summary>Records the accepted point at <paramref name="time"/> and integrates since the previous one.</summary>
    public void Record(LoadContext ctx, double time)
    {
        double dt = double.IsNaN(_lastTime) ? 0 : time - _lastTime;
        for (int i = 0; i < _elements.Count; i++)
        {
            double p = _elements[i].Power(ctx);
            if (dt > 0) _energy[i] += 0.5 * (p + _lastPower[i]) * dt;
            _lastPower[i] = p;
        }
        _lastTime = time;
    }

    /// <summary>Adds energy for a quasi-static interval: the present powers held for <paramref name="duration"/>.</summary>
    public void HoldFor(LoadContext ctx, double duration)
    {
        for (int i = 0; i < _elements.Count; i++)
        {
            double p = _elements[i].Power(ctx);
            _energy[i] += p * duration;
            _lastPower[i] = p;
        }
    }

    public double Total(string elementName)
    {
        for (int i = 0; i < _elements.Count; i++)
            if (_elements[i].Name.Equals(elementName, StringComparison.OrdinalIgnoreCase)) return _energy[i];
        throw new KeyNotFoundException($"no element '{elementName}'");
    }

    /// <summary>Energy absorbed per element class (resistor, diode, source, ...).</summary>
    public IReadOnlyDictionary<string, double> ByCategory()
    {
        var d = new SortedDictionary<string, double>();
        for (int i = 0; i < _elements.Count; i++)
            d[_elements[i].Category] = d.GetValueOrDefault(_elements[i].Category) + _energy[i];
        return d;
    }

    /// <summary>Energy delivered by all independent sources (positive number).</summary>
    public double Delivered() => -_elements.Select((e, i) => e.Category == "source" ? _energy[i] : 0).Sum();

    /// <summary>Copy of the per-element energies, for interval differences.</summary>
    public double[] Snapshot() => (double[])_energy.Clone();

    public IReadOnlyList<Element> Elements => _elements;
    public IReadOnlyList<double> Energies => _energy;
}
