namespace CircuitNeuro.Circuits.Analysis;

public enum IntegrationMethod { Trapezoidal, Gear2 }

/// <summary>Tolerances and limits, with SPICE's names and defaults (ngspice manual, ".options").</summary>
public sealed record SimulationOptions
{
    public double RelTol { get; init; } = 1e-3;
    /// <summary>Absolute current tolerance (A).</summary>
    public double AbsTol { get; init; } = 1e-12;
    /// <summary>Absolute voltage tolerance (V).</summary>
    public double VnTol { get; init; } = 1e-6;
    public double ChgTol { get; init; } = 1e-14;
    /// <summary>Truncation-error overestimation factor, as in SPICE.</summary>
    public double TrTol { get; init; } = 7;
    /// <summary>Conductance added across every junction so no node floats through a reverse-biased device.</summary>
    public double Gmin { get; init; } = 1e-12;
    /// <summary>Newton iteration limit for operating points (SPICE itl1).</summary>
    public int MaxIterationsDc { get; init; } = 100;
    /// <summary>Newton iteration limit per time point (SPICE itl4).</summary>
    public int MaxIterationsTran { get; init; } = 10;
    /// <summary>Circuit temperature (°C).</summary>
    public double Temperature { get; init; } = 27;
    /// <summary>Temperature at which model parameters were extracted (°C).</summary>
    public double NominalTemperature { get; init; } = 27;
    public IntegrationMethod Method { get; init; } = IntegrationMethod.Trapezoidal;

    /// <summary>Reads SPICE .options keys this engine understands; unknown keys are ignored on purpose (they tune ngspice internals).</summary>
    public SimulationOptions With(IReadOnlyDictionary<string, double> options)
    {
        var o = this;
        foreach (var (key, value) in options)
        {
            o = key.ToLowerInvariant() switch
            {
                "reltol" => o with { RelTol = value },
                "abstol" => o with { AbsTol = value },
                "vntol" => o with { VnTol = value },
                "chgtol" => o with { ChgTol = value },
                "trtol" => o with { TrTol = value },
                "gmin" => o with { Gmin = value },
                "itl1" => o with { MaxIterationsDc = (int)value },
                "itl4" => o with { MaxIterationsTran = (int)value },
                "temp" => o with { Temperature = value },
                "tnom" => o with { NominalTemperature = value },
                _ => o,
            };
        }
        return o;
    }
}
