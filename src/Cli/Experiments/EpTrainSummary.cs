using System.Globalization;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>summary.json of `ep train`: the run's size, its last and best test error, energies of the last epoch and the measured speed.</summary>
public sealed record EpTrainSummary(
    string Name,
    string Dataset,
    int Conductances,
    int TrainSamples,
    int TestSamples,
    int Epochs,
    double FinalTestError,
    double BestTestError,
    double FinalOnlineTrainError,
    /// <summary>Error on the held-out end of the training set after the last epoch (null without validation_count).</summary>
    double? FinalValidationError,
    double EnergyPerSampleJ,
    double MeanTrainSecondsPerEpoch,
    double MeanTrainMsPerSample)
{
    public static EpTrainSummary From(EpTrainConfig cfg, int conductances, int train, int test, IReadOnlyList<string> rows, string timingPath)
    {
        double Column(string row, int k) => double.Parse(row.Split(',')[k], CultureInfo.InvariantCulture);
        var timing = File.ReadAllLines(timingPath).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        double seconds = timing.Count == 0 ? double.NaN : timing.Average(t => double.Parse(t[1], CultureInfo.InvariantCulture));
        var last = rows[^1];
        return new EpTrainSummary(cfg.Name, cfg.Dataset, conductances, train, test, rows.Count, Column(last, 2), rows.Min(r => Column(r, 2)),
            Column(last, 1), double.IsNaN(Column(last, 12)) ? null : Column(last, 12), Column(last, 4), seconds, 1000 * seconds / train);
    }

    public string Report() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Epochs} epochs on {Dataset} ({TrainSamples} training, {TestSamples} test samples, {Conductances} conductances)\n" +
        $"test error {FinalTestError:P2} (best {BestTestError:P2}), online train error {FinalOnlineTrainError:P2}{(FinalValidationError is { } v ? ", validation error " + v.ToString("P2", CultureInfo.InvariantCulture) : "")}\n" +
        $"energy per sample (= per update) {EnergyPerSampleJ:G3} J; {MeanTrainSecondsPerEpoch:F1} s per training epoch ({MeanTrainMsPerSample:F2} ms per sample)\n");
}
