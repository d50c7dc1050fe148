using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>
/// Parser for SPICE raw files as written by <c>ngspice -b -r file.raw</c>: one or more plots,
/// each an ASCII header (Title, Date, Plotname, Flags, No. Variables, No. Points, Variables)
/// followed by "Values:" (ASCII: index then one value per line, complex as "re,im") or
/// "Binary:" (little-endian doubles, point-major, two per value when complex).
/// </summary>
public static class NgspiceRawFile
{
    internal sealed record RawPlot(string Title, string PlotTitle, bool Complex, IReadOnlyList<NgspiceVector> Vectors);

    /// <summary>Parses all plots, numbering them like ngspice does (op1, dc1, tran1, tran2...).</summary>
    internal static List<NgspiceResult.PlotData> Parse(byte[] data)
    {
        var plots = new List<NgspiceResult.PlotData>();
        var counters = new Dictionary<string, int>();
        int pos = 0;
        while (pos < data.Length)
        {
            var raw = ParsePlot(data, ref pos);
            if (raw is null) break;
            string kind = NgspiceNames.KindFromPlotTitle(raw.PlotTitle);
            counters[kind] = counters.GetValueOrDefault(kind) + 1;
            plots.Add(new NgspiceResult.PlotData(kind + counters[kind], kind, raw.Title, raw.Vectors));
        }
        return plots;
    }

    /// <summary>Parses a raw file into a result (the last plot, others in <see cref="NgspiceResult.Plots"/>).</summary>
    public static NgspiceResult Read(string path)
    {
        var plots = Parse(File.ReadAllBytes(path));
        if (plots.Count == 0) throw new FormatException($"{path}: no plot in raw file");
        return NgspiceResult.FromPlots("raw", plots, TimeSpan.Zero, Array.Empty<string>());
    }

    private static RawPlot? ParsePlot(byte[] data, ref int pos)
    {
        string title = "", plotTitle = "", flags = "";
        int nVars = -1, nPoints = -1;
        var names = new List<string>();
        var types = new List<string?>();
        bool sawHeader = false;

        while (pos < data.Length)
        {
            string line = ReadLine(data, ref pos);
            if (line.Length == 0 && !sawHeader) continue;
            int colon = line.IndexOf(':');
            string key = colon >= 0 ? line[..colon].Trim().ToLowerInvariant() : line.Trim().ToLowerInvariant();
            string value = colon >= 0 ? line[(colon + 1)..].Trim() : "";
            sawHeader = true;
            switch (key)
            {
                case "title": title = value; break;
                case "plotname": plotTitle = value; break;
                case "flags": flags = value.ToLowerInvariant(); break;
                case "no. variables": nVars = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "no. points": nPoints = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "variables":
                    if (nVars < 0) throw new FormatException("raw file: Variables before No. Variables");
                    for (int i = 0; i < nVars; i++)
                    {
                        var parts = ReadLine(data, ref pos).Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                        if (parts.Length < 2) throw new FormatException("raw file: bad variable line");
                        names.Add(parts[1]);
                        types.Add(parts.Length > 2 ? parts[2] : null);
                    }
                    break;
                case "values":
                case "binary":
                    {
                        if (nVars < 0 || nPoints < 0) throw new FormatException("raw file: data before header");
                        bool complex = flags.Contains("complex");
                        var re = new double[nVars][];
                        var im = complex ? new double[nVars][] : null;
                        int points = key == "binary"
                            ? ReadBinary(data, ref pos, nVars, nPoints, complex, re, im)
                            : ReadAscii(data, ref pos, nVars, nPoints, complex, re, im);
                        var vectors = new List<NgspiceVector>(nVars);
                        for (int v = 0; v < nVars; v++)
                        {
                            var r = re[v].Length == points ? re[v] : re[v][..points];
                            var ii = im is null ? null : (im[v].Length == points ? im[v] : im[v][..points]);
                            vectors.Add(new NgspiceVector(names[v], r, ii, types[v]));
                        }
                        return new RawPlot(title, plotTitle, complex, vectors);
                    }
                default:
                    break; // Date, Command, Option, ... are ignored
            }
        }
        return null;
    }

    private static int ReadBinary(byte[] data, ref int pos, int nVars, int nPoints, bool complex, double[][] re, double[][]? im)
    {
        int per = complex ? 2 : 1;
        long bytesPerPoint = 8L * per * nVars;
        int available = bytesPerPoint == 0 ? 0 : (int)Math.Min(nPoints, (data.Length - pos) / bytesPerPoint);
        for (int v = 0; v < nVars; v++) { re[v] = new double[available]; if (im is not null) im[v] = new double[available]; }
        for (int p = 0; p < available; p++)
            for (int v = 0; v < nVars; v++)
            {
                re[v][p] = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(pos, 8)); pos += 8;
                if (complex) { im![v][p] = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(pos, 8)); pos += 8; }
            }
        return available;
    }

    private static int ReadAscii(byte[] data, ref int pos, int nVars, int nPoints, bool complex, double[][] re, double[][]? im)
    {
        for (int v = 0; v < nVars; v++) { re[v] = new double[nPoints]; if (im is not null) im[v] = new double[nPoints]; }
        int p = 0;
        for (; p < nPoints; p++)
        {
            int save = pos;
            bool ok = true;
            for (int v = 0; v < nVars && ok; v++)
            {
                string line = ReadLine(data, ref pos);
                var tokens = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length == 0 || (v == 0 && tokens.Length < 2)) { ok = false; break; }
                string tok = tokens[^1]; // first line of a point starts with the point index
                if (complex)
                {
                    var c = tok.Split(',');
                    ok = TryNumber(c[0], out re[v][p]) && (c.Length < 2 || TryNumber(c[1], out im![v][p]));
                }
                else ok = TryNumber(tok, out re[v][p]);
            }
            if (!ok) { pos = save; break; }
        }
        return p;
    }

    private static bool TryNumber(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string ReadLine(byte[] data, ref int pos)
    {
        int start = pos;
        while (pos < data.Length && data[pos] != (byte)'\n') pos++;
        int end = pos;
        if (pos < data.Length) pos++; // skip '\n'
        if (end > start && data[end - 1] == (byte)'\r') end--;
        return Encoding.UTF8.GetString(data, start, end - start);
    }
}
