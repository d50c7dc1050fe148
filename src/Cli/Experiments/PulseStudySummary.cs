using System.Globalization;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>The study in a few numbers (summary.json): what a sweep aggregates.</summary>
public sealed record PulseStudySummary(
    string Name,
    string Model,
    int Devices,
    int Pulses,
    string PulseShape,
    double PulseAmplitude,
    double PulseWidth,
    double InitialConductanceMean,
    double FinalConductanceMean,
    double FinalConductanceStd,
    double FinalConductanceQ05,
    double FinalConductanceQ50,
    double FinalConductanceQ95,
    double ConductanceChangeMean,
    double FinalStateMean,
    double FinalStateStd,
    double EnergyPerPulseMean,
    double EnergyPerPulseStd,
    double EnergyPerDeviceMean,
    int StuckDevices)
{
    public string Report()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"""
            # {Name}

            | quantity | value |
            | --- | --- |
            | devices, model | {Devices}, {Model} ({StuckDevices} stuck) |
            | pulse train | {Pulses} × {PulseShape} {PulseAmplitude:G4} V, {PulseWidth * 1e9:G4} ns |
            | conductance before the train (mean) | {InitialConductanceMean * 1e6:F3} µS |
            | conductance after the train: mean ± std | {FinalConductanceMean * 1e6:F3} ± {FinalConductanceStd * 1e6:F3} µS |
            | after the train: 5 % / 50 % / 95 % quantiles | {FinalConductanceQ05 * 1e6:F3} / {FinalConductanceQ50 * 1e6:F3} / {FinalConductanceQ95 * 1e6:F3} µS |
            | normalised state after the train: mean ± std | {FinalStateMean:F4} ± {FinalStateStd:F4} |
            | energy per pulse: mean ± std | {EnergyPerPulseMean * 1e12:G4} ± {EnergyPerPulseStd * 1e12:G4} pJ |
            | energy per device over the train | {EnergyPerDeviceMean * 1e12:G4} pJ |

            Energy is ∫v·i dt over each pulse delivered by the driver (device plus series resistance).
            Per pulse statistics across devices are in pulses.csv, every device in devices.csv.

            """);
    }
}
