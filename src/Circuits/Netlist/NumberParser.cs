using System.Globalization;

namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// SPICE numbers: a decimal literal, an optional scale suffix (T G MEG K M MIL U N P F, case-insensitive)
/// and any further letters, which are units and ignored ("10kOhm", "1uF", "2.5ns"). "m" is milli;
/// only "meg" is mega. Other leading letters (e.g. the "A" of "1e-3A") are units with scale 1.
/// </summary>
public static class NumberParser
{
    /// <summary>Parses a whole token; false when anything but letters follows the literal.</summary>
    public static bool TryParse(string text, out double value)
    {
        return TryParsePrefix(text, 0, allowSign: true, out value, out int end) && end == text.Length;
    }

    public static double Parse(string text)
    {
        if (!TryParse(text, out double v)) throw new FormatException($"'{text}' is not a number");
        return v;
    }

    /// <summary>Scans a number plus suffix/unit letters starting at <paramref name="start"/>.</summary>
    internal static bool TryParsePrefix(string s, int start, bool allowSign, out double value, out int end)
    {
        value = 0;
        end = start;
        int i = start;
        if (allowSign && i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
        int digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
        }
        if (digits == 0) return false;
        int mantissaEnd = i;
        int exponent = 0;
        // An exponent needs a digit after 'e' (and optional sign); otherwise 'e' is a unit letter.
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            int j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-')) j++;
            if (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
                if (!int.TryParse(s.AsSpan(i + 1, j - i - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                    return false;
                i = j;
            }
        }
        int lettersStart = i;
        while (i < s.Length && char.IsAsciiLetter(s[i])) i++;
        var (scaleExponent, factor) = Scale(s.AsSpan(lettersStart, i - lettersStart));
        // Fold the suffix into the decimal exponent so "3n" is exactly the double nearest 3e-9.
        string literal = string.Concat(s.AsSpan(start, mantissaEnd - start), "e",
            (exponent + (long)scaleExponent).ToString(CultureInfo.InvariantCulture));
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        value *= factor;
        if (!double.IsFinite(value)) return false;
        end = i;
        return true;
    }

    /// <summary>Suffix as a power of ten plus a residual factor (only "mil" = 25.4e-6 needs one).</summary>
    private static (int Exponent, double Factor) Scale(ReadOnlySpan<char> letters)
    {
        if (letters.Length == 0) return (0, 1);
        if (letters.StartsWith("meg", StringComparison.OrdinalIgnoreCase)) return (6, 1);
        if (letters.StartsWith("mil", StringComparison.OrdinalIgnoreCase)) return (-6, 25.4);
        return char.ToLowerInvariant(letters[0]) switch
        {
            't' => (12, 1),
            'g' => (9, 1),
            'k' => (3, 1),
            'm' => (-3, 1),
            'u' => (-6, 1),
            'n' => (-9, 1),
            'p' => (-12, 1),
            'f' => (-15, 1),
            _ => (0, 1),
        };
    }
}
