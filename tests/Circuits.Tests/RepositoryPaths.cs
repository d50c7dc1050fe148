namespace CircuitNeuro.Circuits.Tests;

/// <summary>Folders of the repository, found by walking up from the test binaries to CircuitNeuro.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Netlists => Path.Combine(Root, "netlists");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CircuitNeuro.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"CircuitNeuro.sln not found above {AppContext.BaseDirectory}");
    }
}
