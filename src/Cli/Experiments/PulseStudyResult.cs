using System.Globalization;
using System.Text;
using System.Text.Json;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.Cli.Sweeps;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// Everything a pulse study measured: per device and pulse the read conductance, the normalised state and the
/// energy the driver delivered (device plus series resistance), with the statistics across devices per pulse.
/// </summary>
public sealed class PulseStudyResult
{
    public const string PulsesFile = "pulses.csv";
    public const string PulsesJsonFile = "pulses.json";
    public const string DevicesFile = "devices.csv";
    public const string SummaryFile = "summary.json";
    public const string ConfigFile = "config.json";

    public PulseStudyResult(PulseStudyConfig config, StuckAt[] stuck, double[][] conductance, double[][] state, double[][] energy)
    {
        Config = config;
        Stuck = stuck;
        Conductance = conductance;
        State = state;
        Energy = energy;
        ConductanceStats = conductance.Select(SummaryStatistics.Of).ToArray();
        StateStats = state.Select(SummaryStatistics.Of).ToArray();
        EnergyStats = energy.Select(SummaryStatistics.Of).ToArray();
    }

    public PulseStudyConfig Config { get; }
    public StuckAt[] Stuck { get; }
    /// <summary>[pulse][device], pulse 0 = before the train (S).</summary>
    public double[][] Conductance { get; }
    /// <summary>[pulse][device], state as a fraction of the model's range.</summary>
    public double[][] State { get; }
    /// <summary>[pulse][device], energy of that pulse (J); row 0 is zero.</summary>
    public double[][] Energy { get; }
    public SummaryStatistics[] ConductanceStats { get; }
    public SummaryStatistics[] StateStats { get; }
    public SummaryStatistics[] EnergyStats { get; }

    public int Pulses => Conductance.Length - 1;
    public int Devices => Conductance[0].Length;

    public PulseStudySummary Summary()
    {
        var final = ConductanceStats[^1];
        var events = Energy.Skip(1).SelectMany(row => row).ToArray();
        var energyPerPulse = SummaryStatistics.Of(events);
        var perDevice = Enumerable.Range(0, Devices).Select(i => Energy.Sum(row => row[i])).ToArray();
        return new PulseStudySummary(Config.Name, Config.Devices.Model.ToLowerInvariant(), Devices, Pulses,
            Config.Pulse.Shape.ToLowerInvariant(), Config.Pulse.Amplitude, Config.Pulse.Width,
            ConductanceStats[0].Mean, final.Mean, final.Std, final.Q05, final.Q50, final.Q95,
            final.Mean - ConductanceStats[0].Mean, StateStats[^1].Mean, StateStats[^1].Std,
            energyPerPulse.Mean, energyPerPulse.Std, perDevice.Average(), Stuck.Count(s => s != StuckAt.None));
    }

    /// <summary>Writes config.json, pulses.csv and .json, devices.csv and, last, summary.json (its presence marks a finished study).</summary>
    public void Write(string outDir)
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, ConfigFile), ConfigJson(Config));
        File.WriteAllText(Path.Combine(outDir, PulsesFile), PulsesCsv());
        File.WriteAllText(Path.Combine(outDir, PulsesJsonFile), PulsesJson());
        File.WriteAllText(Path.Combine(outDir, DevicesFile), DevicesCsv());
        File.WriteAllText(Path.Combine(outDir, SummaryFile), JsonSerializer.Serialize(Summary(), JsonOptions));
    }

    public const string PulsesHeader =
        "pulse,conductance_mean_s,conductance_std_s,conductance_q05_s,conductance_q50_s,conductance_q95_s,state_mean,state_std,energy_mean_j,energy_std_j";

    public string PulsesCsv()
    {
        var csv = new StringBuilder(PulsesHeader).Append('\n');
        for (int k = 0; k <= Pulses; k++)
        {
            var (g, x, e) = (ConductanceStats[k], StateStats[k], EnergyStats[k]);
            csv.AppendLine(string.Join(",", k.ToString(CultureInfo.InvariantCulture), R(g.Mean), R(g.Std), R(g.Q05), R(g.Q50), R(g.Q95),
                R(x.Mean), R(x.Std), R(e.Mean), R(e.Std)));
        }
        return csv.ToString();
    }

    /// <summary>The per-pulse statistics of pulses.csv, plus min and max, as JSON (conductance in S, state normalised, energy in J).</summary>
    public string PulsesJson() => JsonSerializer.Serialize(
        Enumerable.Range(0, Pulses + 1).Select(k => new { Pulse = k, Conductance = ConductanceStats[k], State = StateStats[k], Energy = EnergyStats[k] }),
        JsonOptions);

    public string DevicesCsv()
    {
        var csv = new StringBuilder("device,stuck,initial_conductance_s,final_conductance_s,final_state,energy_j\n");
        for (int i = 0; i < Devices; i++)
            csv.AppendLine(string.Join(",", i.ToString(CultureInfo.InvariantCulture), Stuck[i].ToString().ToLowerInvariant(),
                R(Conductance[0][i]), R(Conductance[^1][i]), R(State[^1][i]), R(Energy.Sum(row => row[i]))));
        return csv.ToString();
    }

    public static string ConfigJson(PulseStudyConfig cfg) => JsonSerializer.Serialize(cfg, JsonOptions);

    /// <summary>Round-trip formatting, so equal CSV files mean equal numbers.</summary>
    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
