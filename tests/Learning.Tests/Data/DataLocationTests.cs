using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Learning.Tests.Data;

/// <summary>Repository-relative data paths resolve from outside the repository root (the test runner's folder is under bin/).</summary>
public class DataLocationTests
{
    [Fact]
    public void Default_digits_file_is_found_from_the_programs_folder()
    {
        string resolved = DataLocation.Resolve(DigitsDataset.DefaultFile);
        Assert.Equal(Path.GetFullPath(RepositoryData.Digits), Path.GetFullPath(resolved));
    }

    [Fact]
    public void Missing_and_absolute_paths_are_returned_unchanged()
    {
        Assert.Equal("data/no-such-file.csv.gz", DataLocation.Resolve("data/no-such-file.csv.gz"));
        string absolute = Path.Combine(Path.GetTempPath(), "no-such-folder-here", "digits.csv.gz");
        Assert.Equal(absolute, DataLocation.Resolve(absolute));
    }

    [Fact]
    public void Loader_error_for_a_missing_file_names_the_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => DigitsDataset.Load("data/no-such-file.csv.gz"));
        Assert.Contains("no-such-file.csv.gz", e.Message);
    }
}
