using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.Templates;

namespace CircuitNeuro.Learning.Tests.Templates;

public class ClassMeanTemplatesTests
{
    [Fact]
    public void Digits_class_means_classify_the_held_out_fifth_like_numpy()
    {
        var (train, test) = RepositoryData.DigitsSplit(5);
        Assert.Equal(1797, train.Count + test.Count);
        var w = ClassMeanTemplates.Fit(train);
        int correct = Enumerable.Range(0, test.Count).Count(s => ClassMeanTemplates.Predict(w, test.Features[s]) == test.Labels[s]);
        // numpy on the same split (samples with index % 5 == 0 held out), L2-normalised class means: 317 of 360.
        Assert.Equal(317, correct);
        Assert.Equal(360, test.Count);
    }

    [Fact]
    public void Malformed_digits_file_names_the_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"digits-bad-{Guid.NewGuid():N}.csv.gz");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        using (var w = new StreamWriter(gz))
        {
            w.WriteLine(string.Join(",", Enumerable.Repeat("0", 64)) + ",3");
            w.WriteLine(string.Join(",", Enumerable.Repeat("0", 63)) + ",x,3");
        }
        var ex = Assert.Throws<FormatException>(() => DigitsDataset.Load(path));
        Assert.Contains($"{path}:2", ex.Message);
        Assert.Contains("pixel 63", ex.Message);
        File.Delete(path);
    }

    [Fact]
    public void Missing_digits_file_says_where_it_looked()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => DigitsDataset.Load("/nonexistent/digits.csv.gz"));
        Assert.Contains("/nonexistent/digits.csv.gz", ex.Message);
    }
}
