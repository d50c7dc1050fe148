namespace CircuitNeuro.Circuits.Analysis;

/// <summary>Physical constants with the values ngspice 39 uses (src/include/ngspice/const.h, CODATA 2014), so junction models agree to 1e-9.</summary>
public static class Physics
{
    public const double Boltzmann = 1.38064852e-23;
    public const double Charge = 1.6021766208e-19;
    public const double KelvinOffset = 273.15;

    public static double ThermalVoltage(double celsius) => Boltzmann * (celsius + KelvinOffset) / Charge;
}
