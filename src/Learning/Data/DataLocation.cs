namespace CircuitNeuro.Learning.Data;

/// <summary>
/// Finds a data file or folder given relative to the repository (data/digits.csv.gz, data/mnist) when the program
/// runs from another folder: a relative path that does not exist under the current folder is looked up in the
/// repository root above it, or above the program itself (the folder holding CircuitNeuro.sln).
/// </summary>
public static class DataLocation
{
    public const string RepositoryMarker = "CircuitNeuro.sln";

    /// <summary>The path itself when it exists or is absolute; else the first repository root holding it; else the path unchanged.</summary>
    public static string Resolve(string path)
    {
        if (File.Exists(path) || Directory.Exists(path) || Path.IsPathRooted(path)) return path;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            if (RepositoryRoot(start) is { } root)
            {
                string candidate = Path.Combine(root, path);
                if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
            }
        return path;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <see cref="RepositoryMarker"/>; null if none.</summary>
    public static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, RepositoryMarker))) return dir.FullName;
        return null;
    }
}
