using CircuitNeuro.Learning.Ising.Topology;

namespace CircuitNeuro.Learning.Tests.Ising;

public class TopologyTests
{
    [Fact]
    public void DWave2000QHas2048QubitsAnd6016Couplers()
    {
        // Counts from the notes (§1.3, checked there against a separately generated graph) and the closed form
        // m·n·t² + (m−1)·n·t + m·(n−1)·t = 4096 + 960 + 960.
        var c16 = ChimeraTopology.DWave2000Q();
        Assert.Equal(2048, c16.QubitCount);
        Assert.Equal(6016, c16.CouplerCount);
    }

    [Theory]
    [InlineData(1, 1, 4)]
    [InlineData(2, 3, 4)]
    [InlineData(3, 2, 2)]
    public void ChimeraCouplersFollowTheCellRule(int m, int n, int t)
    {
        // Rule restated from coordinates: same cell and opposite shores, or same shore/k with a unit step along
        // the shore's direction (u = 0 vertical, u = 1 horizontal).
        var g = ChimeraTopology.Create(m, n, t);
        var shape = g.Cells!.Value;
        int expected = 0;
        for (int a = 0; a < shape.QubitCount; a++)
            for (int b = a + 1; b < shape.QubitCount; b++)
            {
                var p = shape.Coordinate(a); var q = shape.Coordinate(b);
                bool intra = p.Row == q.Row && p.Column == q.Column && p.Shore != q.Shore;
                bool vertical = p.Shore == 0 && q.Shore == 0 && p.Index == q.Index && p.Column == q.Column && Math.Abs(p.Row - q.Row) == 1;
                bool horizontal = p.Shore == 1 && q.Shore == 1 && p.Index == q.Index && p.Row == q.Row && Math.Abs(p.Column - q.Column) == 1;
                bool edge = intra || vertical || horizontal;
                Assert.Equal(edge, g.HasCoupler(a, b));
                if (edge) expected++;
            }
        Assert.Equal(expected, g.CouplerCount);
    }

    [Fact]
    public void LinearIndexMatchesDWaveFormula()
    {
        // q = ((i·n + j)·2 + u)·t + k; the seed's conv qubits 564 = (4, 6, 1, 0) and 576 = (4, 8, 0, 0) on C16.
        Assert.Equal(new ChimeraCoordinate(4, 6, 1, 0), ChimeraCoordinate.FromLinear(564, 16, 4));
        Assert.Equal(new ChimeraCoordinate(4, 8, 0, 0), ChimeraCoordinate.FromLinear(576, 16, 4));
        for (int q = 0; q < 2048; q++) Assert.Equal(q, ChimeraCoordinate.FromLinear(q, 16, 4).ToLinear(16, 4));
    }

    [Fact]
    public void PegasusLikeHasBulkDegree15AndOddCycles()
    {
        var p = PegasusLikeTopology.Create(6);
        var shape = p.Cells!.Value;
        var adj = p.Adjacency;
        for (int q = 0; q < shape.QubitCount; q++)
        {
            var c = shape.Coordinate(q);
            bool bulk = c.Row > 0 && c.Row < 5 && c.Column > 0 && c.Column < 5;
            if (bulk) Assert.Equal(PegasusLikeTopology.BulkDegree, adj[q].Length);
            Assert.True(adj[q].Length <= 15);
        }
        // odd coupler + cell K4,4 gives a triangle (Chimera is bipartite and has none)
        int a = shape.Linear(2, 2, 0, 0), b = shape.Linear(2, 2, 0, 1), c2 = shape.Linear(2, 2, 1, 0);
        Assert.True(p.HasCoupler(a, b) && p.HasCoupler(b, c2) && p.HasCoupler(a, c2));
    }

    [Fact]
    public void FaultyQubitsAndCouplersAreRemovedKeepingIds()
    {
        var c = ChimeraTopology.Create(2, 2, 4);
        var broken = c.WithoutFaults([3, 17], [(0, 4)]);
        Assert.Equal(30, broken.QubitCount);
        Assert.False(broken.HasQubit(3));
        Assert.False(broken.HasCoupler(0, 4));
        Assert.True(broken.HasCoupler(0, 5));
        int lost = c.Adjacency[3].Length + c.Adjacency[17].Length - (c.HasCoupler(3, 17) ? 1 : 0) + 1;
        Assert.Equal(c.CouplerCount - lost, broken.CouplerCount);
        Assert.Equal(c.IndexSpace, broken.IndexSpace);
    }

    [Fact]
    public void UserDefinedTopologyRejectsBadEdges()
    {
        var ring = IsingTopology.FromEdges(5, Enumerable.Range(0, 5).Select(i => (i, (i + 1) % 5)));
        Assert.Equal(5, ring.CouplerCount);
        Assert.Throws<ArgumentException>(() => IsingTopology.FromEdges(3, [(0, 1), (1, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => IsingTopology.FromEdges(3, [(0, 3)]));
    }
}
