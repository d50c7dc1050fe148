using System.Text.RegularExpressions;

namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>Classifies lines that ngspice prints (shared by both backends).</summary>
internal static partial class NgspiceOutput
{
    /// <summary>
    /// True for lines that mean the netlist or the simulation failed: "Error: ...", "ERROR: fatal
    /// error in ngspice", "run simulation(s) aborted", "Timestep too small", parameter and
    /// parse errors ("Undefined parameter", "Expression err", "unknown subckt" ...).
    /// Warnings and notes (including gmin/source stepping notes) are not errors.
    /// </summary>
    public static bool IsErrorLine(string line) =>
        !line.TrimStart().StartsWith("Circuit:", StringComparison.Ordinal) // the echoed title
        && !line.TrimStart().StartsWith("Title:", StringComparison.Ordinal)
        && ErrorRegex().IsMatch(line);

    /// <summary>The error lines plus, for context, the "Netlist line no." lines just before them.</summary>
    public static List<string> ErrorLines(IReadOnlyList<string> lines)
    {
        var result = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (!IsErrorLine(lines[i])) continue;
            if (i > 0 && lines[i - 1].StartsWith("Netlist line no", StringComparison.OrdinalIgnoreCase)
                && (result.Count == 0 || !ReferenceEquals(result[^1], lines[i - 1])))
                result.Add(lines[i - 1]);
            result.Add(lines[i]);
        }
        return result;
    }

    [GeneratedRegex(@"\berror\b|\baborted\b|timestep too small|singular matrix|undefined parameter|unknown subckt|unknown model|could not|can't find|please check your input|cannot (open|find|compute)|no such|not found|iteration limit reached|fatal",
        RegexOptions.IgnoreCase)]
    private static partial Regex ErrorRegex();
}
