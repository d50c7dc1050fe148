using CircuitNeuro.Learning.Ising.Topology;
using ScottPlot;

namespace CircuitNeuro.Learning.Ising.Visualization;

/// <summary>
/// PNG of an embedding on a Chimera-like cell grid (ScottPlot): each unit cell is drawn as its K_{t,t} (shore u = 0
/// on the left column of dots, u = 1 on the right), inter-cell couplers as thin lines, unused qubits grey, and each
/// chain in its own colour with its intra-chain couplers drawn thick. Removed (faulty) qubits are drawn as crosses.
/// </summary>
public static class EmbeddingPicture
{
    public static void Save(string path, IsingTopology topology, Embedding.Embedding embedding, int pixelsPerCell = 60)
    {
        if (topology.Cells is not { } shape) throw new ArgumentException("EmbeddingPicture needs a topology with a cell grid (Chimera or Pegasus-like).");
        var plot = new Plot();
        var owner = new Dictionary<int, int>();
        for (int x = 0; x < embedding.LogicalCount; x++) foreach (int q in embedding.Chains[x]) owner[q] = x;
        var palette = new ScottPlot.Palettes.Category20();

        Coordinates Position(int q)
        {
            var c = shape.Coordinate(q);
            double x = c.Column + (c.Shore == 0 ? 0.25 : 0.75);
            double y = -(c.Row + (c.Index + 0.5) / shape.ShoreSize * 0.8 + 0.1);
            return new Coordinates(x, y);
        }

        var grey = Colors.Gray.WithAlpha(0.35);
        foreach (var e in topology.Graph.Edges)
        {
            bool sameChain = owner.TryGetValue(e.Source, out int a) && owner.TryGetValue(e.Target, out int b) && a == b;
            var line = plot.Add.Line(Position(e.Source), Position(e.Target));
            line.LineWidth = sameChain ? 4 : 1;
            line.LineColor = sameChain ? palette.GetColor(a) : grey;
            line.MarkerSize = 0;
        }
        for (int q = 0; q < shape.QubitCount; q++)
        {
            var p = Position(q);
            if (!topology.HasQubit(q))
            {
                var cross = plot.Add.Marker(p.X, p.Y, MarkerShape.Cross, 8, Colors.Red);
                continue;
            }
            var color = owner.TryGetValue(q, out int x) ? palette.GetColor(x) : Colors.Gray;
            plot.Add.Marker(p.X, p.Y, MarkerShape.FilledCircle, owner.ContainsKey(q) ? 9 : 5, color);
        }
        var stats = embedding.Statistics();
        plot.Title($"{topology.Name}: {embedding.LogicalCount} chains, {stats.QubitsUsed} qubits, max chain {stats.MaxLength}");
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Axes.SetLimits(-0.1, shape.Columns + 0.1, -(shape.Rows + 0.1), 0.1);
        plot.SavePng(path, Math.Max(300, shape.Columns * pixelsPerCell), Math.Max(300, shape.Rows * pixelsPerCell + 40));
    }
}
