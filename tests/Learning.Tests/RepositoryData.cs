using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Learning.Tests;

/// <summary>Data files of the repository (found by walking up to CircuitNeuro.sln) and small helpers for generated data.</summary>
internal static class RepositoryData
{
    public static string Root { get; } = FindRoot();
    public static string Digits => Path.Combine(Root, DigitsDataset.DefaultFile);

    public static int ClassCountOf(int[] labels) => labels.Max() + 1;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CircuitNeuro.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"CircuitNeuro.sln not found above {AppContext.BaseDirectory}");
    }
}
