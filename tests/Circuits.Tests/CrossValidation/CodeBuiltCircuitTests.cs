using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Builders;
using CircuitNeuro.Circuits.Models;
using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Ngspice;

namespace CircuitNeuro.Circuits.Tests.CrossValidation;

/// <summary>Circuits built in code, exported with <see cref="SpiceWriter"/> and solved by ngspice: the builder and the exporter agree with the engine.</summary>
public class CodeBuiltCircuitTests
{
    [Fact]
    public void One_transistor_one_resistor_crossbar_matches_ngspice()
    {
        var access = new Mosfet1Model { Name = "nacc", Vto = 0.45, Kp = 200e-6, Lambda = 0.05, Gamma = 0.3, Phi = 0.7 };
        var xb = Crossbar.Build(new CrossbarSpec
        {
            Rows = 4, Columns = 5, WordLineSegment = 3, BitLineSegment = 3,
            CellResistance = (i, j) => 5e3 * (1 + (i * 5 + j) % 7),
            RowVoltage = i => 0.1 + 0.05 * i,
            Cell = CrossbarCell.OneT1R,
            AccessTransistor = access,
            SelectVoltage = i => i == 2 ? 0 : 1.2, // row 2 deselected: its transistors are off
        });
        var tight = new SimulationOptions { RelTol = 1e-12, AbsTol = 1e-15, VnTol = 1e-15 };
        xb.Circuit.Options = tight;
        using var system = new MnaSystem(xb.Circuit);
        OperatingPoint.Solve(system);
        var ours = xb.ColumnCurrents(system);

        string netlist = SpiceWriter.Write(xb.Circuit, [".op"]);
        var reference = new NgspiceBatch().RunNetlist(NgspiceNetlist.InsertBeforeEnd(netlist, NgspicePrecision.TightOpOptions));
        for (int j = 0; j < ours.Length; j++)
        {
            double r = reference.Current($"vsense{j}")[0];
            Assert.True(Math.Abs(ours[j] - r) <= 1e-9 * Math.Abs(r), $"column {j}: ours {ours[j]:R}, ngspice {r:R}");
        }
    }
}
