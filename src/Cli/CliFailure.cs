namespace CircuitNeuro.Cli;

/// <summary>An error already phrased for the user as one line (file, line, element, what went wrong).</summary>
public sealed class CliFailure(string message) : Exception(message);
