using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Models;

/// <summary>
/// Reads a .model card's parameters against the set a model knows, so a misspelt parameter is an
/// error naming the model instead of a silently ignored value.
/// </summary>
public sealed class ModelParameters
{
    private readonly string _model;
    private readonly IReadOnlyDictionary<string, double> _values;
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public ModelParameters(string model, IReadOnlyDictionary<string, double> values)
    {
        _model = model;
        _values = values;
    }

    public double Get(string key, double fallback)
    {
        _read.Add(key);
        foreach (var (k, v) in _values)
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) return v;
        return fallback;
    }

    public bool Has(string key) => _values.Keys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws when the card holds a parameter no Get asked for (aside from ones the caller accepts and ignores).</summary>
    public void RejectUnknown(params string[] ignored)
    {
        foreach (var key in _values.Keys)
            if (!_read.Contains(key) && !ignored.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new CircuitException(null, $"model '{_model}': unknown or unsupported parameter '{key}'");
    }
}
