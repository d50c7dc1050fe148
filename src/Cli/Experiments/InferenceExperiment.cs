using System.Text.Json;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.Templates;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// Runs the spiking-crossbar inference experiment over the test set with checkpoints: every
/// finished sample is a row of samples.csv (flushed every checkpoint_every samples); a rerun with
/// the same configuration resumes after the last row, and because each sample has its own
/// random streams the result is the same, bit for bit, as an uninterrupted run.
/// </summary>
public static class InferenceExperiment
{
    public const string SamplesFile = "samples.csv";
    public const string ConfigFile = "config.json";

    public static InferenceSummary Run(InferenceExperimentConfig cfg, string outDir, IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancel = default)
    {
        cfg.Validate();
        var (train, test) = DigitsDataset.Load(cfg.Dataset.Path).SplitEvery(cfg.Dataset.TestEvery);
        int total = cfg.Dataset.MaxTestSamples > 0 ? Math.Min(cfg.Dataset.MaxTestSamples, test.Count) : test.Count;
        var templates = ClassMeanTemplates.Fit(train);
        var conductances = ProgrammedConductances.Program(ToConductances(templates, cfg.Crossbar.GMin, cfg.Crossbar.GMax),
            cfg.Crossbar, new EventKernel.Random.RandomStreams(cfg.Seed));

        Directory.CreateDirectory(outDir);
        var results = ResumeOrStart(cfg, outDir);
        using (var writer = new StreamWriter(Path.Combine(outDir, SamplesFile), append: true))
        {
            if (results.Count == 0) writer.WriteLine(SampleResult.Header);
            progress?.Report((results.Count, total));
            for (int s = results.Count; s < total; s++)
            {
                cancel.ThrowIfCancellationRequested();
                var x = test.Features[s];
                var trial = SpikingCrossbarTrial.Run(cfg, conductances, x, s);
                var r = new SampleResult(s, test.Labels[s], trial.Prediction, ClassMeanTemplates.Predict(templates, x),
                    trial.Reads, trial.OutputSpikes, trial.Energy, trial.ResistorEnergy);
                results.Add(r);
                writer.WriteLine(r.ToCsv());
                if ((s + 1) % cfg.CheckpointEvery == 0) writer.Flush();
                progress?.Report((s + 1, total));
            }
        }
        var summary = InferenceSummary.From(cfg, results, test.ClassCount);
        summary.Write(outDir);
        return summary;
    }

    /// <summary>Maps weights in [0, 1] linearly onto [gMin, gMax].</summary>
    public static double[,] ToConductances(double[,] weights, double gMin, double gMax)
    {
        var g = new double[weights.GetLength(0), weights.GetLength(1)];
        for (int i = 0; i < g.GetLength(0); i++)
            for (int j = 0; j < g.GetLength(1); j++) g[i, j] = gMin + (gMax - gMin) * weights[i, j];
        return g;
    }

    private static List<SampleResult> ResumeOrStart(InferenceExperimentConfig cfg, string outDir)
    {
        string configPath = Path.Combine(outDir, ConfigFile), samplesPath = Path.Combine(outDir, SamplesFile);
        string json = JsonSerializer.Serialize(cfg, JsonOptions);
        var results = new List<SampleResult>();
        if (File.Exists(configPath) && File.Exists(samplesPath))
        {
            if (File.ReadAllText(configPath) != json)
                throw new ExperimentConfigException($"{outDir} holds a run with another configuration ({ConfigFile} differs); choose another --out or delete it");
            var lines = File.ReadAllLines(samplesPath);
            for (int k = 1; k < lines.Length; k++)
            {
                if (lines[k].Length == 0) continue;
                var r = SampleResult.Parse(lines[k], samplesPath, k + 1);
                if (r.Index != results.Count) throw new ExperimentConfigException($"{samplesPath}:{k + 1}: expected sample {results.Count}, found {r.Index}");
                results.Add(r);
            }
            // Rewrite without a possibly torn last line, so appending continues cleanly.
            File.WriteAllLines(samplesPath, new[] { SampleResult.Header }.Concat(results.Select(r => r.ToCsv())));
            return results;
        }
        File.WriteAllText(configPath, json);
        File.Delete(samplesPath);
        return results;
    }

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
