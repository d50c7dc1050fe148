using System.Collections.Concurrent;
using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Learning.Tests;

/// <summary>Data files of the repository (found by walking up to CircuitNeuro.sln, as DataLocation does) and small helpers for generated data.</summary>
internal static class RepositoryData
{
    public static string Root { get; } = DataLocation.RepositoryRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException($"{DataLocation.RepositoryMarker} not found above {AppContext.BaseDirectory}");
    public static string Digits => Path.Combine(Root, DigitsDataset.DefaultFile);

    /// <summary>The Digits set, read once per test run (tests only read it).</summary>
    public static Dataset DigitsSet => LazyDigits.Value;

    /// <summary>Digits split with every <paramref name="every"/>-th image held out (5: EqSpike, BP, VDSP; 4: resistive EP), built once per run.</summary>
    public static (Dataset Train, Dataset Test) DigitsSplit(int every) => Splits.GetOrAdd(every, e => new(() => DigitsSet.SplitEvery(e))).Value;

    private static readonly Lazy<Dataset> LazyDigits = new(() => DigitsDataset.Load(Digits));
    private static readonly ConcurrentDictionary<int, Lazy<(Dataset, Dataset)>> Splits = new();

    public static int ClassCountOf(int[] labels) => labels.Max() + 1;
}
