namespace CircuitNeuro.Circuits.Analysis;

/// <summary>An error in a circuit or its analysis that names the element or node at fault.</summary>
public class CircuitException : Exception
{
    public CircuitException(string? element, string message)
        : base(element is null ? message : $"element '{element}': {message}") => Element = element;

    public string? Element { get; }
}

/// <summary>The MNA matrix is singular; names the node or branch whose row has no pivot.</summary>
public sealed class SingularCircuitException : CircuitException
{
    public SingularCircuitException(string unknown, string message) : base(null, message) => Unknown = unknown;
    public string Unknown { get; }
}

/// <summary>Newton–Raphson failed after every fallback; names the unknowns that would not settle.</summary>
public sealed class ConvergenceException : CircuitException
{
    public ConvergenceException(string message, IReadOnlyList<string> worstUnknowns) : base(null, message) => WorstUnknowns = worstUnknowns;
    public IReadOnlyList<string> WorstUnknowns { get; }
}
