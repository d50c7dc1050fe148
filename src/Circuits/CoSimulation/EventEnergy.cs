namespace CircuitNeuro.Circuits.CoSimulation;

/// <summary>
/// Energy the circuit took during one activity window (a read, a programming pulse, a spike,
/// a training sample): what the sources delivered, and what each element class absorbed.
/// </summary>
public sealed record EventEnergy(string Activity, double Start, double End, double Delivered, IReadOnlyDictionary<string, double> AbsorbedByCategory)
{
    public double Duration => End - Start;
}
