using CircuitNeuro.Circuits.Builders.Pcsa;

namespace CircuitNeuro.Circuits.Tests.Pcsa;

internal static class PcsaTestModels
{
    public static string Ekv => Path.Combine(RepositoryPaths.Netlists, "models", "ekv_thick130.mod");
    public static string Bsim4 => Path.Combine(RepositoryPaths.Netlists, "models", "bsim4_thick130.mod");
    public static string PcsaNetlist(string file) => Path.Combine(RepositoryPaths.Netlists, "pcsa", file);

    public static PcsaDesign Design(double rbl = 5e3, double rblb = 350e3) =>
        new() { ModelFile = Ekv, BitLineResistance = rbl, BitLineBarResistance = rblb };

    public static PcsaRead Read(PcsaDesign d) => PcsaSimulator.Run(d, PcsaRun.Decision(d));
}
