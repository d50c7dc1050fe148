namespace CircuitNeuro.Circuits.Models;

/// <summary>Picks the MOSFET model a .model nmos/pmos card asks for through LEVEL: 1 (default) Shichman–Hodges, 44 EKV 2.6.</summary>
public static class MosfetModels
{
    public const int EkvLevel = 44;

    public static object FromCard(string name, string type, IReadOnlyDictionary<string, double> values)
    {
        double level = values.FirstOrDefault(kv => kv.Key.Equals("level", StringComparison.OrdinalIgnoreCase)).Value;
        return level == EkvLevel ? EkvModel.FromParameters(name, type, values) : Mosfet1Model.FromParameters(name, type, values);
    }
}
