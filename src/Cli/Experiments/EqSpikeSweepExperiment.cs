using CircuitNeuro.Cli.Sweeps;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>`sweep` over `eqspike train` files (kind: eqspike): the robustness and pulse studies of seed 002 §3.7, §4.3.3.</summary>
public sealed class EqSpikeSweepExperiment : SweepExperiment
{
    public override string Kind => EqSpikeConfig.KindName;
    public override IReadOnlyList<string> DefaultMetrics => ["accuracy", "writes", "energy_per_write"];
    public override IReadOnlyList<string> Metrics => NumericPropertiesOf(typeof(EqSpikeSummary));
    public override object Parse(string yaml, string? source) => EqSpikeConfigFile.Parse(yaml, source);
    public override string ToYaml(object config) => ConfigYaml.Serialize(config);
    public override string ConfigJson(object config) => EqSpikeExperiment.ConfigJson((EqSpikeConfig)config);
    public override string Name(object config) => ((EqSpikeConfig)config).Name;

    public override void Run(object config, string outDir, CancellationToken cancel) =>
        EqSpikeExperiment.Run((EqSpikeConfig)config, outDir, resume: true, TextWriter.Null, cancel);
}
