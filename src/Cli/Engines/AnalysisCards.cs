using CircuitNeuro.Circuits.Netlist;

namespace CircuitNeuro.Cli.Engines;

/// <summary>Names for analysis cards: kind, a readable card text, and the CSV file each one is written to.</summary>
public static class AnalysisCards
{
    public static string Kind(AnalysisCard card) => card switch
    {
        OpCard => "op",
        DcCard => "dc",
        TranCard => "tran",
        _ => throw new CliFailure($"{card.Location}: analysis {card.GetType().Name} is not supported"),
    };

    public static string Describe(AnalysisCard card) => card switch
    {
        OpCard => ".op",
        DcCard d => $".dc {d.Source} {S(d.Start)} {S(d.Stop)} {S(d.Step)}"
                    + (d.Source2 is null ? "" : $" {d.Source2} {S(d.Start2)} {S(d.Stop2)} {S(d.Step2)}"),
        TranCard t => $".tran {S(t.Step)} {S(t.Stop)}" + (double.IsNaN(t.Start) ? "" : $" {S(t.Start)}")
                      + (double.IsNaN(t.MaxStep) ? "" : $" {S(t.MaxStep)}") + (t.Uic ? " uic" : ""),
        _ => card.GetType().Name,
    };

    /// <summary>"op", "dc", "tran" for the first card of a kind, then "dc2", "dc3" ... so no file is overwritten.</summary>
    public static IReadOnlyList<string> ResultNames(IReadOnlyList<AnalysisCard> cards)
    {
        var seen = new Dictionary<string, int>();
        var names = new List<string>();
        foreach (var card in cards)
        {
            string kind = Kind(card);
            int n = seen[kind] = seen.GetValueOrDefault(kind) + 1;
            names.Add(n == 1 ? kind : kind + n);
        }
        return names;
    }

    /// <summary>How many cards of the same kind come before this one (ngspice numbers its plots the same way).</summary>
    public static int OrdinalOfKind(IReadOnlyList<AnalysisCard> cards, AnalysisCard card) =>
        cards.TakeWhile(c => !ReferenceEquals(c, card)).Count(c => Kind(c) == Kind(card));

    private static string S(double value) => Output.Si.Spice(value);
}
