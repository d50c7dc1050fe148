namespace CircuitNeuro.Circuits.Netlist;

/// <summary>Built-in expression functions (ngspice numparam set; log is the natural logarithm as in ngspice).</summary>
internal static class BuiltinFunctions
{
    private static readonly Dictionary<string, Func<double, double>> Unary = new()
    {
        ["sqrt"] = Math.Sqrt,
        ["exp"] = Math.Exp,
        ["log"] = Math.Log,
        ["ln"] = Math.Log,
        ["log10"] = Math.Log10,
        ["abs"] = Math.Abs,
        ["sin"] = Math.Sin,
        ["cos"] = Math.Cos,
        ["tan"] = Math.Tan,
        ["asin"] = Math.Asin,
        ["acos"] = Math.Acos,
        ["atan"] = Math.Atan,
        ["sinh"] = Math.Sinh,
        ["cosh"] = Math.Cosh,
        ["tanh"] = Math.Tanh,
        ["floor"] = Math.Floor,
        ["ceil"] = Math.Ceiling,
        ["int"] = Math.Truncate,
        ["nint"] = x => Math.Round(x, MidpointRounding.AwayFromZero),
        ["sgn"] = x => Math.Sign(x),
    };

    private static readonly Dictionary<string, Func<double, double, double>> Binary = new()
    {
        ["pow"] = Math.Pow,
        ["atan2"] = Math.Atan2,
    };

    /// <summary>
    /// Finds a built-in by name. Returns false with <paramref name="arityError"/> set when the name is a
    /// built-in but the argument count is wrong, and false with null when it is not a built-in.
    /// </summary>
    public static bool TryGet(string name, int argCount, out Func<double[], double> function, out string? arityError)
    {
        function = null!;
        arityError = null;
        if (Unary.TryGetValue(name, out var u))
        {
            if (argCount != 1) { arityError = $"function '{name}' takes 1 argument, {argCount} given"; return false; }
            function = a => u(a[0]);
            return true;
        }
        if (Binary.TryGetValue(name, out var b))
        {
            if (argCount != 2) { arityError = $"function '{name}' takes 2 arguments, {argCount} given"; return false; }
            function = a => b(a[0], a[1]);
            return true;
        }
        if (name is "min" or "max")
        {
            if (argCount < 1) { arityError = $"function '{name}' needs at least 1 argument"; return false; }
            function = name == "min" ? a => a.Min() : a => a.Max();
            return true;
        }
        return false;
    }
}
