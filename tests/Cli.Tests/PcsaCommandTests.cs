using CircuitNeuro.Cli.Tests.Support;

namespace CircuitNeuro.Cli.Tests;

public class PcsaCommandTests
{
    [Fact]
    public void Map_writes_csv_and_png_resumes_identically_and_refuses_other_settings()
    {
        using var dir = new TempDirectory();
        var first = CliRun.Invoke("pcsa", "map", "--points", "3", "--low", "5k", "--high", "500k", "-o", dir.Path);
        Assert.True(first.ExitCode == 0, first.Err);
        string csv = dir.File("map.csv");
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("# settings:", lines[0]);
        Assert.Equal(2 + 9, lines.Length);
        // Seed 000 L1484: LRS/HRS ⇒ +1, HRS/LRS ⇒ −1, HRS/HRS ⇒ 0 (5 kΩ vs 500 kΩ at 1.2 V, 27 °C).
        Assert.Contains("5000,500000,1,", File.ReadAllText(csv));
        Assert.Contains("500000,5000,-1,", File.ReadAllText(csv));
        Assert.Contains("500000,500000,0,", File.ReadAllText(csv));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(dir.File("map.png"))[..4]);

        // Drop the last two rows as if the run had been killed, then resume: the file must come back bit for bit.
        byte[] complete = File.ReadAllBytes(csv);
        File.WriteAllLines(csv, lines[..^2]);
        var resumed = CliRun.Invoke("pcsa", "map", "--points", "3", "--low", "5k", "--high", "500k", "-o", dir.Path);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("resuming, 7 of 9", resumed.Err);
        Assert.Equal(complete, File.ReadAllBytes(csv));

        var other = CliRun.Invoke("pcsa", "map", "--points", "3", "--low", "5k", "--high", "500k", "--vdd", "1.3", "-o", dir.Path);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("other settings", other.Err);
    }

    [Theory]
    [InlineData("--engine", "hspice", "--engine hspice")]
    [InlineData("--cbl", "big", "--cbl big")]
    [InlineData("--variant", "nand", "--variant nand")]
    public void Bad_options_are_one_line_errors(string option, string value, string expected)
    {
        var r = CliRun.Invoke("pcsa", "map", "--points", "2", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Err);
    }

    [Fact]
    public void Unknown_calibration_is_a_one_line_error()
    {
        var r = CliRun.Invoke("pcsa", "errors", "--calibration", "magic");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--calibration magic", r.Err);
    }
}
