using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Circuits.Tests.Engine;

public class InitialConditionAndFailureTests
{
    [Fact]
    public void Uic_transient_starts_from_the_capacitor_initial_condition_and_decays_exponentially()
    {
        const double r = 2e3, c = 5e-9, v0 = 3, tau = r * c;
        var circuit = new Circuit();
        circuit.Add(new Resistor("r1", "x", "0", r));
        circuit.Add(new Capacitor("c1", "x", "0", c, initialVoltage: v0));
        using var system = new MnaSystem(circuit);
        var (table, sim) = Analyses.Transient(system, tau / 20, 5 * tau, uic: true);
        for (int k = 1; k < table.Count; k++)
        {
            double t = table.Scale[k];
            Assert.True(Math.Abs(table["v(x)"][k] - v0 * Math.Exp(-t / tau)) < 2e-3 * v0, $"t={t}: {table["v(x)"][k]}");
        }
        // All the stored energy C·V0²/2 (less what remains at 5τ) ends up in the resistor.
        double expected = 0.5 * c * v0 * v0 * (1 - Math.Exp(-10));
        Assert.Equal(expected, sim.Energy.Total("r1"), 5e-3 * expected);
    }

    [Fact]
    public void Circuit_without_a_consistent_state_fails_with_the_unknown_named()
    {
        // A switch that closes when its own node is high (pulling it low) and opens when it is low: no DC solution exists.
        var circuit = new Circuit();
        circuit.Add(new VoltageSource("v1", "vdd", "0", 5));
        circuit.Add(new Resistor("r1", "vdd", "x", 1e3));
        circuit.Add(new VoltageSwitch("s1", "x", "0", "x", "0", new SwitchModel { Vt = 2.5, Ron = 1, Roff = 1e9 }));
        using var system = new MnaSystem(circuit);
        var ex = Assert.Throws<ConvergenceException>(() => OperatingPoint.Solve(system));
        Assert.Contains("operating point did not converge", ex.Message);
        Assert.Contains("element 's1' has not settled", ex.Message);
    }
}
