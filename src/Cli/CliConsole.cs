namespace CircuitNeuro.Cli;

/// <summary>Where a verb writes: results and tables to <see cref="Out"/>, progress and errors to <see cref="Err"/>.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Err);

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>compare / bench: the engines disagree beyond the tolerance.</summary>
    public const int Mismatch = 1;
    /// <summary>Bad input, missing file, failed simulation or unavailable ngspice.</summary>
    public const int Error = 2;
}
