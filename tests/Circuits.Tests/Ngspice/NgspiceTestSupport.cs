using CircuitNeuro.Circuits.Ngspice;

namespace CircuitNeuro.Circuits.Tests.Ngspice;

/// <summary>Every test that touches the shared library belongs here: it is not reentrant.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NgspiceSharedCollection
{
    public const string Name = "ngspice shared library";
}

internal static class NgspiceTestSupport
{
    private static readonly Lazy<string> NetlistDir = new(FindNetlists);

    public static string NetlistsDirectory => NetlistDir.Value;

    public static string NetlistPath(string fileName) => Path.Combine(NetlistsDirectory, fileName);

    public static string ReadNetlist(string fileName) => File.ReadAllText(NetlistPath(fileName));

    public static IEnumerable<string> AllNetlistFiles() =>
        Directory.GetFiles(NetlistsDirectory, "*.cir").Select(Path.GetFileName).Order().Cast<string>();

    private static string FindNetlists()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "netlists");
            if (File.Exists(Path.Combine(candidate, "divider.cir"))) return candidate;
        }
        throw new DirectoryNotFoundException("netlists/ not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Fails (not skips) with the setup hint when ngspice is missing: the cross-checks need it.</summary>
    public static void RequireShared()
    {
        Assert.True(NgspiceAvailability.CheckShared(out string reason), reason);
    }

    public static void RequireBatch()
    {
        Assert.True(NgspiceAvailability.CheckBatch(out string reason), reason);
    }

    /// <summary>Runs netlist text (includes resolved against netlists/) on the named backend.</summary>
    public static NgspiceResult Run(string backend, string netlistText)
    {
        switch (backend)
        {
            case "shared":
                RequireShared();
                return NgspiceShared.Instance.RunNetlist(netlistText, NetlistsDirectory);
            case "batch":
                RequireBatch();
                return new NgspiceBatch().RunNetlist(netlistText, NetlistsDirectory);
            default:
                throw new ArgumentException(backend);
        }
    }

    public static NgspiceResult RunFile(string backend, string fileName) => Run(backend, ReadNetlist(fileName));

    /// <summary>|a − b| ≤ rel·max(|a|,|b|) + abs.</summary>
    public static void Close(double expected, double actual, double rel, double abs = 0, string what = "")
    {
        double tol = rel * Math.Max(Math.Abs(expected), Math.Abs(actual)) + abs;
        Assert.True(Math.Abs(expected - actual) <= tol,
            $"{what}: expected {expected:R}, got {actual:R} (diff {Math.Abs(expected - actual):E3} > tol {tol:E3})");
    }

    // ngspice 39 physical constants (const.h) and default temperature.
    public const double Boltzmann = 1.38064852e-23;
    public const double Charge = 1.6021766208e-19;
    public const double Temperature = 300.15;
    public static double ThermalVoltage => Boltzmann * Temperature / Charge;
}
