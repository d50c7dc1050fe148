using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Ngspice;

namespace CircuitNeuro.Cli;

/// <summary>Runs a verb's body and turns every expected failure into one line on stderr and exit code 2.</summary>
public static class CliErrors
{
    public static int Guard(CliConsole io, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (Describe(ex) is { } line)
        {
            io.Err.WriteLine($"circuitneuro: error: {line}");
            return ExitCodes.Error;
        }
    }

    /// <summary>The user-facing line for an expected failure; null for bugs, which keep their stack trace.</summary>
    public static string? Describe(Exception ex) => ex switch
    {
        CliFailure f => f.Message,
        Experiments.ExperimentConfigException e => OneLine(e.Message),
        NetlistException n => OneLine(n.Message),
        CircuitException c => OneLine(c.Message),
        NgspiceException n => "ngspice: " + OneLine(n.Message),
        NgspiceUnavailableException u => "ngspice is not available: " + OneLine(u.Message),
        FileNotFoundException f => f.FileName is not null && f.Message.Contains(f.FileName) ? OneLine(f.Message) : $"{f.FileName ?? "file"}: no such file",
        FormatException f => OneLine(f.Message),
        DirectoryNotFoundException d => OneLine(d.Message),
        IOException io => OneLine(io.Message),
        UnauthorizedAccessException u => OneLine(u.Message),
        _ => null,
    };

    /// <summary>Joins multi-line messages (ngspice quotes its own output) into one line.</summary>
    public static string OneLine(string message) =>
        string.Join("; ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Replace("ngspice said:;", "ngspice said:");

    /// <summary>The message of an engine exception without the "element 'x': " prefix (callers add their own context).</summary>
    public static string WithoutElementPrefix(CircuitException ex)
    {
        string prefix = $"element '{ex.Element}': ";
        return ex.Element is not null && ex.Message.StartsWith(prefix, StringComparison.Ordinal) ? ex.Message[prefix.Length..] : ex.Message;
    }
}
