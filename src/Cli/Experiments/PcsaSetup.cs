using CircuitNeuro.Circuits.Builders.Pcsa;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>Which simulator reads the PCSA: our engine with the EKV cards, or ngspice with the BSIM4 cards.</summary>
public enum PcsaEngine { Ekv, Bsim4 }

/// <summary>Settings shared by every `pcsa` experiment: engine, model cards, the base design and the output folder.</summary>
public sealed record PcsaSetup
{
    public const string EkvCards = "ekv_thick130.mod";
    public const string Bsim4Cards = "bsim4_thick130.mod";

    public required PcsaEngine Engine { get; init; }
    public required PcsaDesign Design { get; init; }
    public required string OutDir { get; init; }
    public ulong Seed { get; init; } = 1;

    public string EngineLabel => Engine == PcsaEngine.Ekv ? "built-in engine, EKV" : "ngspice, BSIM4";

    /// <summary>Model file of the engine: an explicit file, else netlists/models/ found above the working directory or the program.</summary>
    public static string ModelFile(PcsaEngine engine, string? explicitFile)
    {
        if (explicitFile is not null)
            return File.Exists(explicitFile) ? Path.GetFullPath(explicitFile) : throw new CliFailure($"--model-file {explicitFile}: no such file");
        string name = engine == PcsaEngine.Ekv ? EkvCards : Bsim4Cards;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "netlists", "models", name);
                if (File.Exists(candidate)) return candidate;
            }
        throw new CliFailure($"netlists/models/{name} not found above {Directory.GetCurrentDirectory()}; give --model-file");
    }

    /// <summary>One read of a design on the chosen engine.</summary>
    public PcsaRead Read(PcsaDesign d, PcsaRun run) =>
        Engine == PcsaEngine.Ekv ? PcsaSimulator.Run(d, run) : PcsaSimulator.RunNgspice(d, run);

    public PcsaRead Decide(PcsaDesign d) => Read(d, PcsaRun.Decision(d));

    /// <summary>Settings line of the checkpoint files: everything that changes the numbers.</summary>
    public string Fingerprint(string extra) =>
        $"engine={Engine} model={Path.GetFileName(Design.ModelFile)} cbl={PcsaRowLog.F(Design.BitLineCapacitance)} " +
        $"vdd={PcsaRowLog.F(Design.SupplyVoltage)} temp={PcsaRowLog.F(Design.TemperatureCelsius)} window={PcsaRowLog.F(Design.SenseWindow)} " +
        $"variant={Design.Variant} seed={Seed} {extra}";

    public string OutFile(string file)
    {
        Directory.CreateDirectory(OutDir);
        return Path.Combine(OutDir, file);
    }
}
