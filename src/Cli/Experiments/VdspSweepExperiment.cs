using System.Text.Json;
using CircuitNeuro.Cli.Sweeps;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>`sweep` over `vdsp train` files (kind: vdsp): η, network and device-variability studies (notes 003 §9 item 6).</summary>
public sealed class VdspSweepExperiment : SweepExperiment
{
    public override string Kind => VdspConfig.KindName;
    public override IReadOnlyList<string> DefaultMetrics => ["test_accuracy", "updates_per_train_image", "energy_per_update_j"];
    public override IReadOnlyList<string> Metrics => VdspRun.SummaryMetrics;

    public override object Parse(string yaml, string? source)
    {
        var cfg = ConfigYaml.Deserialize<VdspConfig>(yaml, source);
        try { cfg.Validate(); }
        catch (ExperimentConfigException ex) when (source is not null) { throw new ExperimentConfigException($"{source}: {ex.Message}"); }
        return cfg;
    }

    public override string ToYaml(object config) => ConfigYaml.Serialize(config);
    public override string ConfigJson(object config) => JsonSerializer.Serialize((VdspConfig)config, PointSummary.JsonOptions);
    public override string Name(object config) => ((VdspConfig)config).Name;

    public override void Run(object config, string outDir, CancellationToken cancel)
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, ConfigFile), ConfigJson(config));
        VdspRun.Run((VdspConfig)config, outDir, resume: true, TextWriter.Null);
    }
}
