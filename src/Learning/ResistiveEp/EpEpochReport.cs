namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>One training epoch: free-phase loss and the circuit energy the EnergyAccount windows measured.</summary>
public sealed record EpEpochReport(
    int Samples,
    double MeanFreeLoss,
    /// <summary>Mean energy the independent sources delivered per training sample (= per update: one update per sample), J.</summary>
    double EnergyPerSample,
    /// <summary>Mean delivered energy per phase kind ("free", "nudge+", "nudge−"), J.</summary>
    IReadOnlyDictionary<string, double> EnergyPerPhase,
    /// <summary>Mean absorbed energy per element class over a sample (resistor, diode, source, controlled-source), J.</summary>
    IReadOnlyDictionary<string, double> AbsorbedPerSample,
    /// <summary>Mean |Δg|/G over weights and updates: how hard the device would be programmed.</summary>
    double MeanRelativeUpdate,
    /// <summary>Mean programming energy per update (J): the pulses' ∫v·i dt when updates are pulses, 0 when they are numbers.</summary>
    double ProgrammingEnergyPerUpdate = 0,
    /// <summary>Mean number of programming pulses per update (0 when updates are numbers).</summary>
    double PulsesPerUpdate = 0)
{
    /// <summary>Fraction of samples whose free-phase prediction (before their update) missed the one-hot target's class.</summary>
    public double OnlineError { get; init; } = double.NaN;
}
