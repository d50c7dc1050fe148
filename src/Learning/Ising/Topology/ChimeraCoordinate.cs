namespace CircuitNeuro.Learning.Ising.Topology;

/// <summary>
/// Position of a qubit in a Chimera-like grid of m×n unit cells with two shores of t qubits each.
/// Row <see cref="Row"/> = i ∈ [0, m), column <see cref="Column"/> = j ∈ [0, n), shore <see cref="Shore"/> = u
/// (0 = "vertical" qubits, coupled to the same k in cells (i±1, j); 1 = "horizontal", coupled to (i, j±1)) and
/// index <see cref="Index"/> = k ∈ [0, t). D-Wave's linear index (dwave_networkx convention, seed notes §1.6/§5.1)
/// is q = ((i·n + j)·2 + u)·t + k, so D-Wave qubit lists (e.g. the seed's conv embedding) load verbatim.
/// </summary>
public readonly record struct ChimeraCoordinate(int Row, int Column, int Shore, int Index)
{
    public int ToLinear(int columns, int shoreSize) => ((Row * columns + Column) * 2 + Shore) * shoreSize + Index;

    public static ChimeraCoordinate FromLinear(int q, int columns, int shoreSize)
    {
        int k = q % shoreSize; q /= shoreSize;
        int u = q % 2; q /= 2;
        return new ChimeraCoordinate(q / columns, q % columns, u, k);
    }
}

/// <summary>Grid shape of a Chimera-like topology: m rows, n columns of cells, shore size t.</summary>
public readonly record struct CellGridShape(int Rows, int Columns, int ShoreSize)
{
    public int QubitCount => Rows * Columns * 2 * ShoreSize;
    public int Linear(int i, int j, int u, int k) => new ChimeraCoordinate(i, j, u, k).ToLinear(Columns, ShoreSize);
    public ChimeraCoordinate Coordinate(int q) => ChimeraCoordinate.FromLinear(q, Columns, ShoreSize);
}
