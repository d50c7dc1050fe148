namespace CircuitNeuro.Learning.Ising.Sampling;

/// <summary>Reads of one sampling call: ±1 states (row-major, one row per read) and their energies.</summary>
public sealed class SampleSet
{
    public SampleSet(int spinCount, sbyte[] states, double[] energies)
    {
        if (states.Length != spinCount * energies.Length) throw new ArgumentException("states must hold reads × spins values.");
        SpinCount = spinCount;
        States = states;
        Energies = energies;
    }

    public int SpinCount { get; }
    public int Reads => Energies.Length;
    public sbyte[] States { get; }
    public double[] Energies { get; }

    public ReadOnlySpan<sbyte> State(int read) => States.AsSpan(read * SpinCount, SpinCount);

    /// <summary>Index of the lowest-energy read; the first one on ties (seed: keep the minimal-energy sample, L2659).</summary>
    public int LowestIndex
    {
        get
        {
            int best = 0;
            for (int r = 1; r < Reads; r++) if (Energies[r] < Energies[best]) best = r;
            return best;
        }
    }

    public sbyte[] Lowest => State(LowestIndex).ToArray();
    public double LowestEnergy => Energies[LowestIndex];
}
