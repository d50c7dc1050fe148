using System.Text.Json;
using CircuitNeuro.Cli.Experiments;

namespace CircuitNeuro.Cli.Sweeps;

/// <summary>
/// What a sweep needs from an experiment kind: parse and validate a configuration, write it back as YAML (the
/// tree that --set edits), run it into a folder that ends up holding config.json and summary.json, and name
/// the numeric metrics of that summary. One implementation per kind; the sweep itself knows no keys.
/// </summary>
public abstract class SweepExperiment
{
    public const string ConfigFile = "config.json";
    public const string SummaryFile = "summary.json";

    public abstract string Kind { get; }

    /// <summary>Metrics shown in sweep.csv and plotted when --metric is not given.</summary>
    public abstract IReadOnlyList<string> DefaultMetrics { get; }

    /// <summary>Every numeric value of summary.json, all of which are aggregated.</summary>
    public abstract IReadOnlyList<string> Metrics { get; }

    /// <summary>A validated configuration; <paramref name="source"/> names the text in errors (null: no location).</summary>
    public abstract object Parse(string yaml, string? source);

    public abstract string ToYaml(object config);

    /// <summary>The exact text the run writes to config.json (a finished run is recognised by it).</summary>
    public abstract string ConfigJson(object config);

    public abstract string Name(object config);

    public abstract void Run(object config, string outDir, CancellationToken cancel);

    /// <summary>
    /// The kind of an experiment file: pulse-study files say so in their `kind` key (or, without it, have a
    /// pulse section); anything else is the inference experiment of `run`.
    /// </summary>
    public static SweepExperiment Detect(ConfigTree tree, string source)
    {
        string? kind = tree.TopLevelScalar("kind");
        if (kind == PulseStudyConfig.KindName || (kind is null && (tree.HasTopLevelKey("pulse") || tree.HasTopLevelKey("devices"))))
            return new PulseStudySweepExperiment();
        if (kind == EqSpikeConfig.KindName) return new EqSpikeSweepExperiment();
        if (kind == VdspConfig.KindName) return new VdspSweepExperiment();
        if (kind == BackpropConfig.KindName) return new BackpropSweepExperiment();
        if (kind is null) return new InferenceSweepExperiment();
        throw new ExperimentConfigException($"{source}: kind '{kind}' is not known (pulse-study, eqspike, vdsp, bp; inference experiments have no kind key)");
    }

    /// <summary>The numeric top-level values of a summary.json.</summary>
    public static Dictionary<string, double> ReadMetrics(string summaryPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(summaryPath));
        return doc.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }

    /// <summary>Snake_case names of the numeric properties of a summary record, as System.Text.Json writes them.</summary>
    protected static IReadOnlyList<string> NumericPropertiesOf(Type summary) =>
        summary.GetProperties()
            .Where(p => p.PropertyType == typeof(double) || p.PropertyType == typeof(int) || p.PropertyType == typeof(long))
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))
            .ToArray();
}

/// <summary>The spiking-crossbar inference experiment of `run`.</summary>
public sealed class InferenceSweepExperiment : SweepExperiment
{
    public override string Kind => "inference";
    public override IReadOnlyList<string> DefaultMetrics => ["accuracy", "mean_energy_per_read"];
    public override IReadOnlyList<string> Metrics => NumericPropertiesOf(typeof(InferenceSummary));

    public override object Parse(string yaml, string? source)
    {
        var cfg = ConfigYaml.Deserialize<InferenceExperimentConfig>(yaml, source);
        try
        {
            cfg.Validate();
        }
        catch (ExperimentConfigException ex) when (source is not null)
        {
            throw new ExperimentConfigException($"{source}: {ex.Message}");
        }
        return cfg;
    }

    public override string ToYaml(object config) => ExperimentFile.ToYaml((InferenceExperimentConfig)config);
    public override string ConfigJson(object config) => JsonSerializer.Serialize((InferenceExperimentConfig)config, InferenceExperiment.JsonOptions);
    public override string Name(object config) => ((InferenceExperimentConfig)config).Name;

    public override void Run(object config, string outDir, CancellationToken cancel) =>
        InferenceExperiment.Run((InferenceExperimentConfig)config, outDir, cancel: cancel);
}

/// <summary>The pulse-programming study of `pulse-study`.</summary>
public sealed class PulseStudySweepExperiment : SweepExperiment
{
    public override string Kind => PulseStudyConfig.KindName;
    public override IReadOnlyList<string> DefaultMetrics => ["final_conductance_mean", "final_conductance_std", "energy_per_pulse_mean"];
    public override IReadOnlyList<string> Metrics => NumericPropertiesOf(typeof(PulseStudySummary));

    public override object Parse(string yaml, string? source)
    {
        if (source is not null) return PulseStudyFile.Parse(yaml, source);
        var cfg = ConfigYaml.Deserialize<PulseStudyConfig>(yaml, null);
        cfg.Validate();
        return cfg;
    }

    public override string ToYaml(object config) => PulseStudyFile.ToYaml((PulseStudyConfig)config);
    public override string ConfigJson(object config) => PulseStudyResult.ConfigJson((PulseStudyConfig)config);
    public override string Name(object config) => ((PulseStudyConfig)config).Name;

    public override void Run(object config, string outDir, CancellationToken cancel)
    {
        var result = PulseStudy.Run((PulseStudyConfig)config, cancel);
        // Plots first: summary.json, written last, marks the run as finished.
        Plots.PulseStudyPlot.Write(result, outDir);
        result.Write(outDir);
    }
}
