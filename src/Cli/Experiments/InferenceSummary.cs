using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>What the inference experiment reports: accuracy against the ideal classifier and energy per read, per input spike and per sample.</summary>
public sealed record InferenceSummary(
    string Name,
    int Samples,
    double Accuracy,
    double SoftwareAccuracy,
    double AgreementWithSoftware,
    double MeanReadsPerSample,
    double MeanOutputSpikesPerSample,
    double MeanEnergyPerSample,
    double MeanEnergyPerRead,
    double ResistorShareOfEnergy,
    int[][] Confusion)
{
    public static InferenceSummary From(InferenceExperimentConfig cfg, IReadOnlyList<SampleResult> r, int classes)
    {
        if (r.Count == 0) throw new ExperimentConfigException("no test sample was run (dataset.max_test_samples?)");
        var confusion = Enumerable.Range(0, classes).Select(_ => new int[classes]).ToArray();
        foreach (var s in r) confusion[s.Label][s.Prediction]++;
        double energy = r.Sum(s => s.Energy);
        long reads = r.Sum(s => (long)s.Reads);
        return new InferenceSummary(cfg.Name, r.Count,
            r.Count(s => s.Prediction == s.Label) / (double)r.Count,
            r.Count(s => s.SoftwarePrediction == s.Label) / (double)r.Count,
            r.Count(s => s.Prediction == s.SoftwarePrediction) / (double)r.Count,
            reads / (double)r.Count,
            r.Average(s => (double)s.OutputSpikes),
            energy / r.Count,
            reads > 0 ? energy / reads : 0,
            energy > 0 ? r.Sum(s => s.ResistorEnergy) / energy : 0,
            confusion);
    }

    public void Write(string outDir)
    {
        File.WriteAllText(Path.Combine(outDir, "summary.json"), JsonSerializer.Serialize(this, InferenceExperiment.JsonOptions));
        var csv = new StringBuilder("label\\prediction," + string.Join(",", Enumerable.Range(0, Confusion.Length)) + "\n");
        for (int i = 0; i < Confusion.Length; i++) csv.AppendLine(i + "," + string.Join(",", Confusion[i]));
        File.WriteAllText(Path.Combine(outDir, "confusion.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(outDir, "report.md"), Report());
    }

    public string Report()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"""
            # {Name}

            | quantity | value |
            | --- | --- |
            | test samples | {Samples} |
            | accuracy, spiking crossbar | {Accuracy:P2} |
            | accuracy, ideal software classifier (same templates) | {SoftwareAccuracy:P2} |
            | agreement with the software classifier | {AgreementWithSoftware:P2} |
            | crossbar reads (input spikes) per sample | {MeanReadsPerSample:F1} |
            | output spikes per sample | {MeanOutputSpikesPerSample:F1} |
            | energy per read | {MeanEnergyPerRead * 1e15:F3} fJ |
            | energy per sample | {MeanEnergyPerSample * 1e12:F3} pJ |
            | share dissipated in resistors (cells and lines) | {ResistorShareOfEnergy:P1} |

            Energy is what the row drivers deliver during the reads (∫v·i dt over each read, quasi-static);
            neuron circuits are not modelled. The confusion matrix is in confusion.csv, every sample in samples.csv.

            """);
    }
}
