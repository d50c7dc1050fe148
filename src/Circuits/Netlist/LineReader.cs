using System.Text;

namespace CircuitNeuro.Circuits.Netlist;

/// <summary>One logical card: continuation lines joined, comments removed, located at its first physical line.</summary>
internal sealed record LogicalLine(string Text, SourceLocation Location);

/// <summary>
/// Splits one file's text into logical lines. Handles the title line, '*' comment lines, inline
/// comments (';' anywhere, '$' after whitespace as ngspice does), '+' continuations, .control/.endc
/// blocks (skipped: they are interactive scripts, not circuit) and .end (stops reading this file).
/// </summary>
internal static class LineReader
{
    public static List<LogicalLine> Read(string text, string file, bool firstLineIsTitle, out string title)
    {
        title = "";
        var result = new List<LogicalLine>();
        string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        StringBuilder? current = null;
        SourceLocation? currentLoc = null;
        SourceLocation? controlStart = null;

        void Flush()
        {
            if (current is not null) result.Add(new LogicalLine(current.ToString(), currentLoc!));
            current = null;
        }

        for (int i = 0; i < lines.Length; i++)
        {
            var loc = new SourceLocation(file, i + 1);
            if (i == 0 && firstLineIsTitle)
            {
                title = lines[0].Trim();
                continue;
            }
            string line = StripInlineComment(lines[i]).Trim();
            // Comment and blank lines do not break a continuation (ngspice allows them in between).
            if (line.Length == 0 || line[0] == '*') continue;
            string keyword = FirstWord(line);

            if (controlStart is not null)
            {
                if (keyword == ".endc") controlStart = null;
                continue;
            }
            if (line[0] == '+')
            {
                if (current is null)
                    throw new NetlistException(loc, null, "continuation line '+' has no preceding card");
                current.Append(' ').Append(line, 1, line.Length - 1);
                continue;
            }
            Flush();
            if (keyword == ".control") { controlStart = loc; continue; }
            if (keyword == ".endc") throw new NetlistException(loc, null, ".endc without .control");
            if (keyword == ".end") break;
            current = new StringBuilder(line);
            currentLoc = loc;
        }
        Flush();
        if (controlStart is not null)
            throw new NetlistException(controlStart, null, ".control block has no matching .endc");
        return result;
    }

    /// <summary>Lower-cased first whitespace-delimited word of a line.</summary>
    public static string FirstWord(string line)
    {
        int end = 0;
        while (end < line.Length && !char.IsWhiteSpace(line[end])) end++;
        return line[..end].ToLowerInvariant();
    }

    private static string StripInlineComment(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == ';') return line[..i];
            if (c == '$' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }
}
