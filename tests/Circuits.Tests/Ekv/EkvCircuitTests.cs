using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.Circuits.Models;
using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Waveforms;

namespace CircuitNeuro.Circuits.Tests.Ekv;

/// <summary>The EKV element inside the engine: Newton on a CMOS inverter, charge conservation in a transient, the LEVEL=44 card.</summary>
public class EkvCircuitTests
{
    private static readonly EkvModel N = new() { Name = "n", Vto = 0.6, Kp = 100e-6, Gamma = 0.5, Phi = 0.8, Theta = 0.1, Lambda = 0.05, Cox = 3e-3 };
    private static readonly EkvModel P = N with { Name = "p", Polarity = -1, Vto = -0.6 };

    [Fact]
    public void Symmetric_inverter_sweep_converges_with_switching_point_at_half_supply()
    {
        // Matched NMOS/PMOS (same |VTO|, KP, W/L): by symmetry V_out(V_DD/2) = V_DD/2, and the transfer curve is monotone.
        var c = new Circuit();
        c.Add(new VoltageSource("vdd", "vdd", "0", 1.2));
        c.Add(new VoltageSource("vin", "in", "0", 0));
        c.Add(new MosfetEkv("mn", "out", "in", "0", "0", N, 2e-6, 0.5e-6));
        c.Add(new MosfetEkv("mp", "out", "in", "vdd", "vdd", P, 2e-6, 0.5e-6));
        using var sys = new MnaSystem(c);
        var sweep = Analyses.DcSweep(sys, "vin", 0, 1.2, 0.005);
        var vout = sweep["v(out)"];
        Assert.Equal(1.2, vout[0], 3);
        Assert.Equal(0, vout[^1], 3);
        for (int k = 1; k < vout.Count; k++) Assert.True(vout[k] <= vout[k - 1] + 1e-9, $"not monotone at {sweep.Scale[k]}");
        Assert.Equal(0.6, vout[120], 1e-6);
        Assert.True(sys.LastIterations < 20, $"{sys.LastIterations} Newton iterations at the last point");
    }

    [Fact]
    public void Gate_charge_delivered_by_the_source_equals_the_closed_form_charge_change()
    {
        // Gate driven through R from 0 to 1.5 V with D = S = B = 0: ∫ i dt from the source must equal
        // Q_g(1.5 V) − Q_g(0) of the EKV charge equations plus the overlap charge (charge conservation of the stamps).
        var m = N with { Cgso = 0.3e-9, Cgdo = 0.3e-9 };
        var c = new Circuit();
        c.Add(new VoltageSource("vg", "in", "0", double.NaN, new PulseWaveform(0, 1.5, 1e-9, 1e-10, 1e-10, 1, 2)));
        c.Add(new Resistor("rg", "in", "g", 10e3));
        var mos = c.Add(new MosfetEkv("m1", "0", "g", "0", "0", m, 10e-6, 1e-6));
        using var sys = new MnaSystem(c);
        var (table, _) = Analyses.Transient(sys, 1e-11, 3e-9);
        var time = table.Scale;
        var i = table["i(vg)"];
        double charge = 0;
        for (int k = 1; k < table.Count; k++) charge -= 0.5 * (i[k] + i[k - 1]) * (time[k] - time[k - 1]);
        var t = m.AtTemperature(27, 27);
        double qEnd = EkvCore.Charges(m, t, mos.GateCapacitance, table["v(g)"][^1], 0, 0).Qg - EkvCore.Charges(m, t, mos.GateCapacitance, 0, 0, 0).Qg
                      + 2 * 0.3e-9 * 10e-6 * table["v(g)"][^1];
        Assert.InRange(table["v(g)"][^1], 1.49, 1.5);
        Assert.Equal(qEnd, charge, 0.01 * qEnd);
    }

    [Fact]
    public void Level_44_card_builds_an_EKV_transistor_and_level_1_stays_Shichman_Hodges()
    {
        string text = """
            ekv card
            .model nk nmos level=44 vto=0.6 kp=100u gamma=0.5 phi=0.8 cox=3m
            .model n1 nmos level=1 vto=0.6 kp=100u
            M1 d g 0 0 nk w=2u l=0.5u
            M2 d g 0 0 n1 w=2u l=0.5u
            V1 d 0 1
            V2 g 0 1
            .op
            .end
            """;
        var circuit = CircuitFactory.Build(NetlistParser.ParseText(text, "card.cir"));
        Assert.IsType<MosfetEkv>(circuit.FindElement("m1"));
        Assert.IsType<Mosfet1>(circuit.FindElement("m2"));
        var bad = Assert.Throws<NetlistException>(() => CircuitFactory.Build(NetlistParser.ParseText(text.Replace("cox=3m", "cox=3m theta=5"), "card.cir")));
        Assert.Contains("THETA", bad.Message);
        Assert.Contains("card.cir", bad.Message);
    }
}
