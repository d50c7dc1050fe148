namespace CircuitNeuro.Cli.Tests.Support;

/// <summary>Finds the repository (the folder holding CircuitNeuro.sln) from the test's output directory.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(() => Learning.Data.DataLocation.RepositoryRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("CircuitNeuro.sln not found above " + AppContext.BaseDirectory));

    public static string Netlist(string fileName) => Path.Combine(Root.Value, "netlists", fileName);
    public static string Data(string fileName) => Path.Combine(Root.Value, "data", fileName);
}
