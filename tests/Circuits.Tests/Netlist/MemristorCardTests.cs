using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Waveforms;
using static CircuitNeuro.Circuits.Tests.Netlist.NetlistTestHelpers;

namespace CircuitNeuro.Circuits.Tests.Netlist;

/// <summary>
/// The memristor card <c>Y n+ n- model [x0=]</c> with <c>.model m memristor (level=...)</c>: parsing, building each level with
/// the card's values, a PULSE transient equal to the same circuit built in code, the compliance SET reaching the closed form
/// V_set/I_cc through the netlist, and malformed cards located at file:line with the element.
/// </summary>
public class MemristorCardTests
{
    private const string ThresholdModel = ".model mem memristor (level=threshold gmin=10u gmax=100u sp=30 sn=30 vtp=1 vtn=-1 etap=1)\n";

    [Fact]
    public void Card_parses_into_a_Y_element_with_its_model_and_x0()
    {
        var n = Parse(ThresholdModel + "Y1 a 0 mem x0=20u\n");
        var y = n.Element("y1");
        Assert.Equal('Y', y.Kind);
        Assert.Equal(new[] { "a", "0" }, y.Nodes);
        Assert.Equal("mem", y.Model);
        Assert.Equal(20e-6, y.Parameters["x0"], 1e-18);
        Assert.Equal("threshold", n.Models["mem"].TextParameters["level"]);
        Assert.Equal(30, n.Models["mem"].Parameters["sp"]);
    }

    [Fact]
    public void Each_level_builds_its_model_with_the_card_values()
    {
        var c = CircuitFactory.Build(Parse(ThresholdModel
            + ".model vt memristor level=vteam ron=5k roff=50k iv=exp window=kvatinsky wc=0.1\n"
            + ".model yk memristor level=yakopcic a1=0.2 eta=-1\n"
            + ".model vd memristor level=vdsp device=tio2 gmax=50u\n"
            + ".model hf memristor level=hfo2 icc=200u vset=0.5\n"
            + "Y1 a 0 mem x0=20u\nY2 a 0 vt\nY3 a 0 yk x0=0.4\nY4 a 0 vd\nY5 a 0 hf x0={ln(150k)}\n"));
        var t = Assert.IsType<ThresholdMemristor>(c.Get<MemristorElement>("y1").Model);
        Assert.Equal((1e-5, 1e-4, 30.0, 1.0), (t.Parameters.Gmin, t.Parameters.Gmax, t.Parameters.SlopePositive, t.Parameters.EtaPositive));
        Assert.Equal(20e-6, c.Get<MemristorElement>("y1").State, 1e-18);
        var v = Assert.IsType<VteamMemristor>(c.Get<MemristorElement>("y2").Model);
        Assert.Equal((5e3, 5e4, VteamIvShape.Exponential, VteamWindow.Kvatinsky, 0.1),
            (v.Parameters.ROn, v.Parameters.ROff, v.Parameters.IvShape, v.Parameters.Window, v.Parameters.WindowWidth));
        Assert.Equal(1.0, c.Get<MemristorElement>("y2").State); // default x0: the HRS bound (VTEAM's R_OFF is w = 1)
        Assert.Equal(-1, Assert.IsType<YakopcicMemristor>(c.Get<MemristorElement>("y3").Model).Parameters.Eta);
        var d = Assert.IsType<VdspFittedMemristor>(c.Get<MemristorElement>("y4").Model);
        Assert.Equal(("TiO2", 5e-5), (d.Parameters.Device, d.Parameters.Gmax));
        var h = Assert.IsType<HfO2FilamentMemristor>(c.Get<MemristorElement>("y5").Model);
        Assert.Equal((200e-6, 0.5), (h.Parameters.ComplianceCurrent, h.Parameters.SetVoltage));
        Assert.Equal(150e3, Math.Exp(c.Get<MemristorElement>("y5").State), 1e-6);
    }

    [Theory]
    [InlineData("", NonLinearityConvention.AsPrinted)]
    [InlineData("convention=as_printed", NonLinearityConvention.AsPrinted)]
    [InlineData("convention=printed", NonLinearityConvention.AsPrinted)] // the older spelling stays valid
    [InlineData("convention=saturating", NonLinearityConvention.Saturating)]
    public void Threshold_convention_spellings_select_the_sign_of_eta(string word, NonLinearityConvention expected)
    {
        var c = CircuitFactory.Build(Parse($".model mem memristor level=threshold etap=1 {word}\nY1 a 0 mem\nR1 a 0 1k\n"));
        Assert.Equal(expected, Assert.IsType<ThresholdMemristor>(c.Get<MemristorElement>("y1").Model).Parameters.Convention);
    }

    [Fact]
    public void Pulse_transient_from_the_netlist_equals_the_code_built_circuit()
    {
        const string body = ThresholdModel + "V1 in 0 PULSE(0 1.8 0.2u 0.1u 0.1u 1.8u 10u)\nR1 in a 1k\nY1 a 0 mem x0=20u\n";
        var fromNetlist = CircuitFactory.Build(Parse(body));
        var inCode = new Circuit();
        inCode.Add(new VoltageSource("v1", "in", "0", double.NaN, new PulseWaveform(0, 1.8, 0.2e-6, 0.1e-6, 0.1e-6, 1.8e-6, 10e-6)));
        inCode.Add(new Resistor("r1", "in", "a", 1e3));
        inCode.Add(new MemristorElement("y1", "a", "0", new ThresholdMemristor(new ThresholdMemristorParameters
            { Gmin = 1e-5, Gmax = 1e-4, SlopePositive = 30, SlopeNegative = 30, EtaPositive = 1 }), 20e-6));

        double a = FinalState(fromNetlist, 10e-9, 2.5e-6), b = FinalState(inCode, 10e-9, 2.5e-6);
        Assert.True(a - 20e-6 > 0.1 * 9e-5, $"the pulse must move the state noticeably (to {a})");
        Assert.Equal(b, a, 1e-15);
    }

    [Fact]
    public void Compliance_set_through_the_netlist_stops_at_Vset_over_Icc()
    {
        // 2 V SET through 100 Ω from 150 kΩ: the closed-form fixed point of the compliance SET is V_set/I_cc = 0.6 V/200 µA = 3 kΩ.
        var c = CircuitFactory.Build(Parse(".model cell memristor level=hfo2 icc=200u\n"
            + "V1 in 0 PULSE(0 2 0.1u 10n 10n 1u 10u)\nR1 in a 100\nY1 a 0 cell x0={ln(150k)}\n"));
        Assert.Equal(3e3, Math.Exp(FinalState(c, 10e-9, 1.5e-6)), 3.0); // 1e-3 relative: the element holds x during a step
    }

    private static double FinalState(Circuit c, double step, double stop)
    {
        using var sys = new MnaSystem(c);
        Analyses.Transient(sys, step, stop);
        return c.Get<MemristorElement>("y1").State;
    }

    private const string Prelude = "V1 in 0 1\n.model dm d is=1e-14\n";

    [Theory]
    [InlineData("Y1 a 0", "y1", "2 nodes and a memristor model")]
    [InlineData("Y1 a 0 nomodel", "y1", "unknown model 'nomodel'")]
    [InlineData("Y1 a 0 dm", "y1", "type 'd'")]
    [InlineData("Y1 a 0 dm 3", "y1", "got 4 field(s)")]
    public void Malformed_element_cards_fail_at_parse_with_file_line_and_element(string card, string element, string contains)
    {
        Error(Prelude + card + "\n", line: 4, element: element, contains: contains, file: "bad.cir");
    }

    [Theory]
    [InlineData(".model mm memristor gmin=1u", "needs level=")]
    [InlineData(".model mm memristor level=spice", "unknown level 'spice'")]
    [InlineData(".model mm memristor level=vteam kof=1", "model 'mm': unknown or unsupported parameter 'kof'")]
    [InlineData(".model mm memristor level=threshold iv=exp", "model 'mm': unknown or unsupported parameter 'iv'")]
    [InlineData(".model mm memristor level=vteam iv=cubic", "iv=cubic is not one of")]
    [InlineData(".model mm memristor level=hfo2 vset=-1", "model 'mm'")]
    [InlineData(".model mm memristor level=threshold convention=linear", "convention=linear is not one of as_printed|printed|saturating")]
    public void Bad_models_fail_at_build_naming_the_model_line_and_the_element(string model, string contains)
    {
        var parsed = Parse(Prelude + model + "\nY1 in 0 mm\n", "bad.cir");
        var ex = Assert.Throws<NetlistException>(() => CircuitFactory.Build(parsed));
        AssertLocated(ex, "bad.cir", line: 4, element: "y1", contains: contains);
    }

    [Theory]
    [InlineData("Y1 in 0 mm w=1", "unknown memristor instance parameter 'w'")]
    [InlineData("Y1 in 0 mm x0=2", "x0=2 outside")]
    public void Bad_instance_values_name_the_element_line(string card, string contains)
    {
        string body = Prelude + ".model mm memristor level=vteam\n" + card + "\n";
        var ex = Assert.Throws<NetlistException>(() => CircuitFactory.Build(Parse(body, "bad.cir")));
        AssertLocated(ex, "bad.cir", line: 5, element: "y1", contains: contains);
    }

    [Fact]
    public void A_word_value_on_a_numeric_memristor_parameter_is_an_error_at_the_model_line()
    {
        Error(Prelude + ".model mm memristor level=vteam ron=low\n", line: 4, element: null, contains: "undefined parameter 'low'", file: "bad.cir");
    }
}
