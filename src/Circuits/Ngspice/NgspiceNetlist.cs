using System.Text;
using System.Text.RegularExpressions;

namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>Text helpers that prepare a SPICE netlist for either ngspice backend.</summary>
public static partial class NgspiceNetlist
{
    private static readonly string[] AnalysisCards = [".op", ".dc", ".tran", ".ac", ".noise", ".tf", ".pz", ".sens", ".disto", ".pss", ".sp"];

    /// <summary>Splits into physical lines (any newline convention), without trailing newline characters.</summary>
    public static string[] Lines(string netlistText) =>
        netlistText.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n').Split('\n');

    /// <summary>Appends a <c>.end</c> line if the netlist has none.</summary>
    public static string EnsureEnd(string netlistText)
    {
        var lines = Lines(netlistText);
        if (FindEnd(lines) >= 0) return Join(lines);
        return Join([.. lines, ".end"]);
    }

    /// <summary>
    /// Inserts a card (typically <c>.options ...</c>) just before <c>.end</c>, adding <c>.end</c>
    /// if it is missing. The first line stays the title.
    /// </summary>
    public static string InsertBeforeEnd(string netlistText, string card)
    {
        var lines = Lines(netlistText).ToList();
        int end = FindEnd(lines);
        if (end < 0) { lines.Add(card); lines.Add(".end"); }
        else lines.Insert(end, card);
        return Join(lines);
    }

    /// <summary>
    /// Turns relative paths of <c>.include</c>/<c>.inc</c>/<c>.lib</c> cards into absolute paths
    /// under <paramref name="baseDirectory"/> (the directory of the netlist file). Needed because
    /// ngSpice_Circ has no file location and the batch backend runs from a temporary directory.
    /// </summary>
    public static string ResolveIncludes(string netlistText, string baseDirectory)
    {
        var lines = Lines(netlistText);
        for (int i = 1; i < lines.Length; i++)
        {
            var m = IncludeRegex().Match(lines[i]);
            if (!m.Success) continue;
            string path = m.Groups["path"].Value;
            string quote = m.Groups["q"].Value;
            if (Path.IsPathRooted(path) || path.StartsWith('~')) continue;
            string full = Path.GetFullPath(Path.Combine(baseDirectory, path));
            lines[i] = m.Groups["card"].Value + quote + full + quote + m.Groups["rest"].Value;
        }
        return Join(lines);
    }

    /// <summary>
    /// Keeps only the analysis cards of one kind ("op", "dc", "tran", ...), commenting the others
    /// out. Use it to run each analysis in a run of its own (see <see cref="NgspicePrecision"/>
    /// for why that matters with tight tolerances).
    /// </summary>
    public static string KeepOnlyAnalysis(string netlistText, string kind)
    {
        string keep = "." + kind.Trim().TrimStart('.').ToLowerInvariant();
        var lines = Lines(netlistText);
        bool commentingContinuation = false;
        for (int i = 1; i < lines.Length; i++)
        {
            string t = lines[i].TrimStart();
            if (commentingContinuation && t.StartsWith('+')) { lines[i] = "* " + lines[i]; continue; }
            commentingContinuation = false;
            string card = FirstToken(t).ToLowerInvariant();
            if (AnalysisCards.Contains(card) && card != keep)
            {
                lines[i] = "* " + lines[i];
                commentingContinuation = true;
            }
        }
        return Join(lines);
    }

    /// <summary>The analysis kinds present in a netlist ("op", "dc", "tran", ...), in card order.</summary>
    public static IReadOnlyList<string> AnalysisKinds(string netlistText) =>
        Lines(netlistText).Skip(1)
            .Select(l => FirstToken(l.TrimStart()).ToLowerInvariant())
            .Where(c => AnalysisCards.Contains(c))
            .Select(c => c[1..])
            .Distinct()
            .ToList();

    private static string FirstToken(string line)
    {
        int n = 0;
        while (n < line.Length && !char.IsWhiteSpace(line[n])) n++;
        return line[..n];
    }

    private static int FindEnd(IReadOnlyList<string> lines)
    {
        for (int i = lines.Count - 1; i >= 1; i--)
            if (lines[i].Trim().Equals(".end", StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static string Join(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var l in lines) sb.Append(l).Append('\n');
        return sb.ToString();
    }

    [GeneratedRegex(@"^(?<card>\s*\.(?:include|inc|lib)\s+)(?<q>[""']?)(?<path>[^\s""']+)\k<q>(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex IncludeRegex();
}
