using CircuitNeuro.Cli.Sweeps;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>`sweep` over back-propagation baselines (kind: bp): the BP side of seed 002 §3.8's robustness studies.</summary>
public sealed class BackpropSweepExperiment : SweepExperiment
{
    public override string Kind => BackpropConfig.KindName;
    public override IReadOnlyList<string> DefaultMetrics => ["accuracy", "best_accuracy", "writes", "energy"];
    public override IReadOnlyList<string> Metrics => NumericPropertiesOf(typeof(BackpropSummary));
    public override object Parse(string yaml, string? source) => BackpropConfig.Parse(yaml, source);
    public override string ToYaml(object config) => ConfigYaml.Serialize(config);
    public override string ConfigJson(object config) => BackpropExperiment.ConfigJson((BackpropConfig)config);
    public override string Name(object config) => ((BackpropConfig)config).Name;
    public override void Run(object config, string outDir, CancellationToken cancel) => BackpropExperiment.Run((BackpropConfig)config, outDir, cancel);
}
