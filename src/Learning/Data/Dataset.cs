namespace CircuitNeuro.Learning.Data;

/// <summary>A labelled data set with features scaled to [0, 1] (the range encoders and conductances map from).</summary>
public sealed class Dataset
{
    public Dataset(string name, double[][] features, int[] labels, int classCount)
    {
        if (features.Length != labels.Length) throw new ArgumentException($"{name}: {features.Length} feature rows but {labels.Length} labels");
        if (features.Length == 0) throw new ArgumentException($"{name}: empty data set");
        int width = features[0].Length;
        for (int i = 0; i < features.Length; i++)
        {
            if (features[i].Length != width) throw new ArgumentException($"{name}: sample {i} has {features[i].Length} features, expected {width}");
            if (labels[i] < 0 || labels[i] >= classCount) throw new ArgumentException($"{name}: sample {i} has label {labels[i]} outside 0..{classCount - 1}");
        }
        Name = name;
        Features = features;
        Labels = labels;
        ClassCount = classCount;
    }

    public string Name { get; }
    public double[][] Features { get; }
    public int[] Labels { get; }
    public int ClassCount { get; }
    public int Count => Labels.Length;
    public int FeatureCount => Features[0].Length;

    /// <summary>
    /// Deterministic split: every <paramref name="testEvery"/>-th sample goes to the test set
    /// (interleaved, so both halves keep the class balance of a data set stored class by class or mixed).
    /// </summary>
    public (Dataset Train, Dataset Test) SplitEvery(int testEvery)
    {
        if (testEvery < 2) throw new ArgumentOutOfRangeException(nameof(testEvery), "need at least 2 (one test sample in testEvery)");
        var test = Enumerable.Range(0, Count).Where(i => i % testEvery == 0).ToArray();
        var train = Enumerable.Range(0, Count).Where(i => i % testEvery != 0).ToArray();
        return (Subset(train, "train"), Subset(test, "test"));
    }

    /// <summary>Samples [start, start + count) in stored order.</summary>
    public Dataset Slice(int start, int count) => Subset(Enumerable.Range(start, count).ToArray(), $"{start}+{count}");

    public Dataset Subset(IReadOnlyList<int> indices, string suffix) =>
        new($"{Name}/{suffix}", indices.Select(i => Features[i]).ToArray(), indices.Select(i => Labels[i]).ToArray(), ClassCount);
}
