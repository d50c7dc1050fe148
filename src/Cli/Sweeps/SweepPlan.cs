using System.Globalization;
using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Cli.Sweeps;

/// <summary>One run of a point: the point's configuration with the repeat's seed.</summary>
public sealed record RepeatRun(int Repeat, ulong Seed, object Config, string Folder);

/// <summary>A parameter combination and its repeats; Folder is relative to the sweep's output folder.</summary>
public sealed record SweepPoint(int Index, string Folder, IReadOnlyList<KeyValuePair<string, string>> Parameters, IReadOnlyList<RepeatRun> Repeats);

/// <summary>
/// Everything a sweep will run, built and validated before the first run: every point's configuration is the
/// experiment file with the point's values set by key path (so a wrong key or value fails at once, naming the key).
/// Points are the cartesian product of the --set lists (first key slowest) times the sampled points (the same
/// draws for every grid combination). Repeat 0 runs with the point's own seed, repeat r &gt; 0 with a seed derived
/// from it and r, so a one-repeat point is the plain run of its configuration, and every point sees the same
/// seeds (common random numbers make differences between points less noisy).
/// </summary>
public sealed class SweepPlan
{
    private SweepPlan(string source, SweepExperiment experiment, string name, IReadOnlyList<string> keys, IReadOnlyList<string> sampledKeys,
        IReadOnlyList<SweepPoint> points, IReadOnlyList<string> metrics, int repeats, string outDir)
    {
        SampledKeys = sampledKeys;
        Source = source;
        Experiment = experiment;
        Name = name;
        Keys = keys;
        Points = points;
        Metrics = metrics;
        Repeats = repeats;
        OutDir = outDir;
    }

    public string Source { get; }
    public SweepExperiment Experiment { get; }
    public string Name { get; }
    /// <summary>Swept keys in the order given: --set keys, then --sample keys.</summary>
    public IReadOnlyList<string> Keys { get; }
    /// <summary>The keys given by --sample.</summary>
    public IReadOnlyList<string> SampledKeys { get; }
    public IReadOnlyList<SweepPoint> Points { get; }
    /// <summary>Metrics reported in sweep.csv and plotted (every numeric metric is aggregated in the JSON files).</summary>
    public IReadOnlyList<string> Metrics { get; }
    public int Repeats { get; }
    public string OutDir { get; }

    public static SweepPlan Create(string file, IReadOnlyList<GridAxis> grid, IReadOnlyList<SampledAxis> sampled, int? sampleCount,
        int repeats, IReadOnlyList<string> metrics, string? outDir)
    {
        if (!File.Exists(file)) throw new ExperimentConfigException($"{file}: experiment file not found");
        if (repeats < 1) throw new ExperimentConfigException($"--repeats must be >= 1 (got {repeats})");
        if (sampled.Count > 0 && sampleCount is null) throw new ExperimentConfigException("--sample needs --samples N (how many points to draw)");
        if (sampleCount is int s0 && (s0 < 1 || sampled.Count == 0)) throw new ExperimentConfigException("--samples N needs N >= 1 and at least one --sample key=distribution");
        var keys = grid.Select(a => a.Key).Concat(sampled.Select(a => a.Key)).ToList();
        if (keys.Distinct().Count() != keys.Count)
            throw new ExperimentConfigException($"a key is swept twice: {string.Join(", ", keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key))}");

        string text = File.ReadAllText(file);
        var experiment = SweepExperiment.Detect(ConfigTree.Parse(text, file), file);
        var baseConfig = experiment.Parse(text, file);
        var unknownMetric = metrics.FirstOrDefault(m => !experiment.Metrics.Contains(m));
        if (unknownMetric is not null)
            throw new ExperimentConfigException($"--metric '{unknownMetric}' is not a metric of the {experiment.Kind} experiment (metrics: {string.Join(", ", experiment.Metrics)})");
        // The full serialisation, not the file: keys the file leaves at their defaults can be swept too.
        var baseTree = ConfigTree.Parse(experiment.ToYaml(baseConfig), file);
        ulong baseSeed = SeedOf(baseTree);

        var combos = CartesianProduct(grid);
        int samples = sampleCount ?? 1;
        var draws = Enumerable.Range(0, samples).Select(s => sampled.Select(a =>
            new KeyValuePair<string, string>(a.Key, Draw(a, baseSeed, s).ToString("R", CultureInfo.InvariantCulture))).ToList()).ToList();
        int total = combos.Count * samples, width = Math.Max(3, (total - 1).ToString(CultureInfo.InvariantCulture).Length);
        var points = new List<SweepPoint>();
        foreach (var combo in combos)
            foreach (var draw in draws)
            {
                int index = points.Count;
                var parameters = combo.Concat(draw).ToList();
                var tree = baseTree;
                foreach (var (key, value) in parameters) tree = Override(experiment, tree, key, value, index);
                string folder = "point-" + index.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
                points.Add(new SweepPoint(index, folder, parameters, RepeatRuns(experiment, tree, repeats, folder)));
            }
        string name = experiment.Name(baseConfig);
        return new SweepPlan(file, experiment, name, keys, sampled.Select(a => a.Key).ToList(), points, metrics.Count > 0 ? metrics : experiment.DefaultMetrics, repeats,
            outDir ?? Path.Combine("out", "sweep-" + name));
    }

    /// <summary>Seed of repeat r of a point whose configuration has seed <paramref name="pointSeed"/>.</summary>
    public static ulong RepeatSeed(ulong pointSeed, int repeat) =>
        repeat == 0 ? pointSeed : RandomStreams.DeriveSeed(pointSeed, "sweep/repeat/" + repeat.ToString(CultureInfo.InvariantCulture));

    private static List<RepeatRun> RepeatRuns(SweepExperiment experiment, ConfigTree tree, int repeats, string folder)
    {
        ulong seed = SeedOf(tree);
        return Enumerable.Range(0, repeats).Select(r =>
        {
            ulong s = RepeatSeed(seed, r);
            var config = experiment.Parse(tree.With("seed", s.ToString(CultureInfo.InvariantCulture)).ToYaml(), null);
            return new RepeatRun(r, s, config, Path.Combine(folder, "repeat-" + r.ToString(CultureInfo.InvariantCulture)));
        }).ToList();
    }

    /// <summary>Sets one key and checks the result at once, so the error names the key and the value.</summary>
    private static ConfigTree Override(SweepExperiment experiment, ConfigTree tree, string key, string value, int point)
    {
        try
        {
            var changed = tree.With(key, value);
            experiment.Parse(changed.ToYaml(), null);
            return changed;
        }
        catch (ExperimentConfigException ex)
        {
            throw new ExperimentConfigException($"sweep key '{key}' = '{value}' (point {point}): {ex.Message}");
        }
    }

    private static ulong SeedOf(ConfigTree tree) =>
        ulong.TryParse(tree.TopLevelScalar("seed"), NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong seed)
            ? seed : throw new ExperimentConfigException("the experiment has no integer seed");

    /// <summary>Sample s of a sampled key: its own stream per (key, sample), so adding samples keeps the earlier ones.</summary>
    private static double Draw(SampledAxis axis, ulong baseSeed, int sample) =>
        axis.Distribution.Draw(new RandomStreams(baseSeed).Get("sweep/sample/" + axis.Key, sample));

    private static List<List<KeyValuePair<string, string>>> CartesianProduct(IReadOnlyList<GridAxis> grid)
    {
        var combos = new List<List<KeyValuePair<string, string>>> { new() };
        foreach (var axis in grid)
            combos = combos.SelectMany(c => axis.Values.Select(v => c.Append(new KeyValuePair<string, string>(axis.Key, v)).ToList())).ToList();
        return combos;
    }
}
