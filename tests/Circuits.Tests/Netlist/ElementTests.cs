using CircuitNeuro.Circuits.Netlist;
using static CircuitNeuro.Circuits.Tests.Netlist.NetlistTestHelpers;

namespace CircuitNeuro.Circuits.Tests.Netlist;

public class ElementTests
{
    [Fact]
    public void Passives()
    {
        var n = Parse("R1 a b 4.7k tc1=0.01 m=2\nC1 b 0 10n ic=1.5\nL1 b c 1mH\nR2 c 0 r=330\n");
        var r = n.Element("r1");
        Assert.Equal('R', r.Kind);
        Assert.Equal(4700.0, r.Value);
        Assert.Equal(0.01, r.Parameters["tc1"]);
        Assert.Equal(2.0, r.Parameters["m"]);
        var c = n.Element("c1");
        Assert.Equal('C', c.Kind);
        AssertNear(1e-8, c.Value);
        Assert.Equal(1.5, c.Parameters["ic"]);
        Assert.Equal(1e-3, n.Element("l1").Value, 15);
        Assert.Equal(330.0, n.Element("r2").Value);
    }

    [Fact]
    public void DcSources()
    {
        var n = Parse("V1 a 0 5\nV2 b 0 DC 3.3V\nI1 0 c DC 1m\nI2 0 d 2mA AC 1 90\nV3 e 0 AC\nV4 f 0\n");
        Assert.Equal(5.0, n.Element("v1").DcValue);
        Assert.Equal(new DcSpec(5.0), n.Element("v1").Waveform);
        Assert.Equal(3.3, n.Element("v2").DcValue);
        Assert.Equal(1e-3, n.Element("i1").DcValue, 15);
        Assert.Equal('I', n.Element("i1").Kind);
        var i2 = n.Element("i2");
        Assert.Equal(2e-3, i2.DcValue, 15);
        Assert.Equal(1.0, i2.Parameters["acmag"]);
        Assert.Equal(90.0, i2.Parameters["acphase"]);
        Assert.True(double.IsNaN(n.Element("v3").DcValue));
        Assert.Equal(1.0, n.Element("v3").Parameters["acmag"]);
        Assert.Equal(new DcSpec(0), n.Element("v4").Waveform);
        Assert.True(double.IsNaN(n.Element("v4").DcValue));
    }

    [Fact]
    public void Pulse_WithAndWithoutParenthesesAndCommas()
    {
        var n = Parse("V1 a 0 PULSE(0 1.8 1n 100p 100p 5n 10n)\n" +
                      "V2 b 0 DC 0.5 pulse 0, 1, 2n\n" +
                      "V3 c 0 pulse(0,1,0,1n,1n,2n,4n,3)\n");
        var p1 = Assert.IsType<PulseSpec>(n.Element("v1").Waveform);
        Assert.Equal(new[] { 0, 1.8, 1e-9, 1e-10, 1e-10, 5e-9, 1e-8 }, p1.Args.Take(7));
        Assert.True(double.IsNaN(p1.Args[7]));
        Assert.True(double.IsNaN(n.Element("v1").DcValue));
        var p2 = Assert.IsType<PulseSpec>(n.Element("v2").Waveform);
        Assert.Equal(0.5, n.Element("v2").DcValue);
        Assert.Equal(8, p2.Args.Length);
        AssertNear(2e-9, p2.Args[2]);
        Assert.True(p2.Args.Skip(3).All(double.IsNaN));
        Assert.Equal(3.0, Assert.IsType<PulseSpec>(n.Element("v3").Waveform).Args[7]);
    }

    [Fact]
    public void Sin()
    {
        var n = Parse("V1 a 0 SIN(0.9 0.1 1MEG)\nI1 a 0 sin 0 1m 50 1m 10 90\n");
        var s = Assert.IsType<SinSpec>(n.Element("v1").Waveform);
        Assert.Equal(6, s.Args.Length);
        Assert.Equal(new[] { 0.9, 0.1, 1e6 }, s.Args.Take(3));
        Assert.True(s.Args.Skip(3).All(double.IsNaN));
        var s2 = Assert.IsType<SinSpec>(n.Element("i1").Waveform);
        Assert.Equal(new[] { 0, 1e-3, 50, 1e-3, 10, 90 }, s2.Args);
    }

    [Fact]
    public void Pwl()
    {
        var n = Parse("V1 a 0 PWL(0 0 1n 1 2n 1 3n 0)\n" +
                      "V2 b 0 pwl(0 0 1u 5) r=0 td=2u\n" +
                      "V3 c 0 PWL 0,0 1m,1 td=1m\n");
        var p = Assert.IsType<PwlSpec>(n.Element("v1").Waveform);
        Assert.Equal(new[] { 0, 1e-9, 2e-9, 3e-9 }, p.Times);
        Assert.Equal(new[] { 0.0, 1, 1, 0 }, p.Values);
        Assert.True(double.IsNaN(p.RepeatFrom));
        Assert.True(double.IsNaN(p.Delay));
        var p2 = Assert.IsType<PwlSpec>(n.Element("v2").Waveform);
        Assert.Equal(0.0, p2.RepeatFrom);
        AssertNear(2e-6, p2.Delay);
        var p3 = Assert.IsType<PwlSpec>(n.Element("v3").Waveform);
        Assert.Equal(new[] { 0, 1e-3 }, p3.Times);
        Assert.Equal(1e-3, p3.Delay, 15);
    }

    [Fact]
    public void DiodeAndModel()
    {
        var n = Parse(".model dx D(IS=2.5n RS=0.5 N=1.8)\nD1 a b dx 2 off temp=50\nD2 b 0 dx area=3\nD3 b 0 dx\n");
        var d = n.Element("d1");
        Assert.Equal('D', d.Kind);
        Assert.Equal(new[] { "a", "b" }, d.Nodes);
        Assert.Equal("dx", d.Model);
        Assert.Equal(2.0, d.Value);
        Assert.Equal(new[] { "off" }, d.Flags);
        Assert.Equal(50.0, d.Parameters["temp"]);
        Assert.Equal(3.0, n.Element("d2").Value);
        Assert.True(double.IsNaN(n.Element("d3").Value));
        var m = n.Models["dx"];
        AssertNear(2.5e-9, m.Parameters["is"]);
        Assert.Equal(0.5, m.Parameters["rs"]);
        Assert.Equal(1.8, m.Parameters["n"]);
        Assert.Equal(2, m.Location.Line);
    }

    [Fact]
    public void Mosfets()
    {
        var n = Parse(".model nch nmos level=1 vto=0.7 kp=110u\n" +
                      ".MODEL pch PMOS (LEVEL=54 VERSION=4.5 VTH0=-0.4)\n" +
                      "M1 d g s b nch W=1u L=180n AD=1p AS=1p PD=4u PS=4u M=2\n" +
                      "M2 d g vdd vdd pch w={2*1u} l=0.18u off ic=1.0, 0.5, 0\n");
        var m1 = n.Element("m1");
        Assert.Equal('M', m1.Kind);
        Assert.Equal(new[] { "d", "g", "s", "b" }, m1.Nodes);
        Assert.Equal("nch", m1.Model);
        AssertNear(1e-6, m1.Parameters["w"]);
        AssertNear(180e-9, m1.Parameters["l"]);
        AssertNear(1e-12, m1.Parameters["ad"]);
        AssertNear(4e-6, m1.Parameters["ps"]);
        Assert.Equal(2.0, m1.Parameters["m"]);
        var m2 = n.Element("m2");
        Assert.Equal(new[] { "off" }, m2.Flags);
        Assert.Equal(1.0, m2.Parameters["ic"]);
        Assert.Equal(0.5, m2.Parameters["ic2"]);
        Assert.Equal(0.0, m2.Parameters["ic3"]);
        Assert.Equal("nmos", n.Models["nch"].Type);
        Assert.Equal(1.0, n.Models["nch"].Parameters["level"]);
        AssertNear(110e-6, n.Models["nch"].Parameters["kp"]);
        Assert.Equal(54.0, n.Models["pch"].Parameters["level"]);
        Assert.Equal(4.5, n.Models["pch"].Parameters["version"]);
        Assert.Equal(-0.4, n.Models["pch"].Parameters["vth0"]);
    }

    [Fact]
    public void ControlledSources()
    {
        var n = Parse("Vs a 0 0\nE1 o1 0 a b 10\nG1 o2 0 a b 1m\nF1 o3 0 vs 5\nH1 o4 0 Vs 2k\n");
        var e = n.Element("e1");
        Assert.Equal('E', e.Kind);
        Assert.Equal(new[] { "o1", "0", "a", "b" }, e.Nodes);
        Assert.Equal(10.0, e.Value);
        Assert.Equal(1e-3, n.Element("g1").Value, 15);
        var f = n.Element("f1");
        Assert.Equal(new[] { "o3", "0" }, f.Nodes);
        Assert.Equal("vs", f.ControlSource);
        Assert.Equal(5.0, f.Value);
        Assert.Equal('H', n.Element("h1").Kind);
        Assert.Equal(2000.0, n.Element("h1").Value);
    }

    [Fact]
    public void Switches()
    {
        var n = Parse(".model sm sw vt=0.5 vh=0.1 ron=1 roff=1meg\n.model cm csw it=1m\n.model q1 npn bf=100\n" +
                      "Vc c 0 1\nS1 a b c 0 sm on\nS2 a b c 0 sm\nW1 a b vc cm off\n");
        var s = n.Element("s1");
        Assert.Equal('S', s.Kind);
        Assert.Equal(new[] { "a", "b", "c", "0" }, s.Nodes);
        Assert.Equal("sm", s.Model);
        Assert.Equal(new[] { "on" }, s.Flags);
        Assert.Empty(n.Element("s2").Flags);
        Assert.Equal(1e6, n.Models["sm"].Parameters["roff"]);
        var w = n.Element("w1");
        Assert.Equal("vc", w.ControlSource);
        Assert.Equal("cm", w.Model);
        Assert.Equal("npn", n.Models["q1"].Type);  // other model types pass through
    }
}
