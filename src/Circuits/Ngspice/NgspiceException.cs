namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>
/// ngspice rejected a netlist or a simulation failed. <see cref="Exception.Message"/> contains
/// ngspice's own error lines so they can be shown to the user; <see cref="OutputLines"/> has
/// everything ngspice printed during the call.
/// </summary>
public sealed class NgspiceException : Exception
{
    public NgspiceException(string summary, IReadOnlyList<string> errorLines, IReadOnlyList<string> outputLines)
        : base(Format(summary, errorLines))
    {
        ErrorLines = errorLines;
        OutputLines = outputLines;
    }

    /// <summary>The lines ngspice printed that indicate the failure (may be empty).</summary>
    public IReadOnlyList<string> ErrorLines { get; }

    /// <summary>All lines ngspice printed during the failed call.</summary>
    public IReadOnlyList<string> OutputLines { get; }

    private static string Format(string summary, IReadOnlyList<string> errors)
    {
        if (errors.Count == 0) return summary;
        return summary + Environment.NewLine + "ngspice said:" + Environment.NewLine
               + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}

/// <summary>ngspice (shared library or command-line program) cannot be used on this machine.</summary>
public sealed class NgspiceUnavailableException : Exception
{
    public NgspiceUnavailableException(string message) : base(message) { }
}
