namespace CircuitNeuro.Circuits.Netlist;

/// <summary>Error inside an expression; callers turn it into a located <see cref="NetlistException"/>.</summary>
internal sealed class ExpressionException(string message) : Exception(message);

/// <summary>A compiled expression: evaluates against a parameter scope.</summary>
internal delegate double CompiledExpression(ParameterScope scope);

/// <summary>A .func definition; its body sees its arguments, then the scope where it was defined.</summary>
internal sealed record UserFunction(string Name, string[] Arguments, CompiledExpression Body, ParameterScope DefinitionScope);

/// <summary>
/// Parameter and .func names visible at one level (global, or one subcircuit instance), chained to the
/// enclosing level so instance parameters shadow globals.
/// </summary>
internal sealed class ParameterScope(ParameterScope? parent)
{
    private readonly Dictionary<string, double> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UserFunction> _functions = new(StringComparer.OrdinalIgnoreCase);

    public ParameterScope? Parent { get; } = parent;

    public IReadOnlyDictionary<string, double> LocalValues => _values;

    public void Set(string name, double value) => _values[name] = value;

    public void Define(UserFunction function) => _functions[function.Name] = function;

    public bool TryGet(string name, out double value)
    {
        for (var s = this; s is not null; s = s.Parent)
            if (s._values.TryGetValue(name, out value)) return true;
        value = 0;
        return false;
    }

    public UserFunction? FindFunction(string name)
    {
        for (var s = this; s is not null; s = s.Parent)
            if (s._functions.TryGetValue(name, out var f)) return f;
        return null;
    }
}
