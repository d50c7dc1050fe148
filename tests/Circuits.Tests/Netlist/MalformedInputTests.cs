using static CircuitNeuro.Circuits.Tests.Netlist.NetlistTestHelpers;

namespace CircuitNeuro.Circuits.Tests.Netlist;

/// <summary>Each bad card is on line 4 of file "bad.cir" (title, two good cards, then the bad one).</summary>
public class MalformedInputTests
{
    private const string Prelude = "V1 in 0 1\n.model dm d is=1e-14\n";

    [Theory]
    [InlineData("R7 a 1k", "r7", "2 nodes and a value")]
    [InlineData("R7 a b", "r7", "2 nodes and a value")]
    [InlineData("R7 a b 1k 2k", "r7", "got 4 field(s)")]
    [InlineData("Cload a", "cload", "2 nodes and a value")]
    [InlineData("L1 a b 1x2", "l1", "")]
    [InlineData("R7 a b {rmissing*2}", "r7", "undefined parameter 'rmissing'")]
    [InlineData("R7 a b rmissing", "r7", "undefined parameter 'rmissing'")]
    [InlineData("R7 a b {1+", "r7", "unterminated")]
    [InlineData("R7 a b 1k tc1=", "r7", "name=value")]
    [InlineData("R7 a b 1k m=1 m=2", "r7", "twice")]
    [InlineData("D3 a b", "d3", "2 nodes and a model")]
    [InlineData("D3 a b nomodel", "d3", "unknown model 'nomodel'")]
    [InlineData("D3 a b dm 1 2", "d3", "unexpected '2'")]
    [InlineData("M1 d g s nch", "m1", "4 nodes")]
    [InlineData("M1 d g s b dm", "m1", "type 'd'")]
    [InlineData("M1 d g s b nmodel w=1u", "m1", "unknown model 'nmodel'")]
    [InlineData("E1 o 0 a b", "e1", "4 nodes and a gain")]
    [InlineData("E1 o 0 VALUE={v(a)*2}", "e1", "VALUE")]
    [InlineData("E1 o 0 poly(1) a b 0 1", "e1", "POLY")]
    [InlineData("G2 o 0 a", "g2", "4 nodes and a gain")]
    [InlineData("F1 o 0 v1", "f1", "controlling voltage source and a gain")]
    [InlineData("F1 o 0 vmissing 2", "f1", "'vmissing' does not exist")]
    [InlineData("H1 o 0 r1 2", "h1", "voltage source")]
    [InlineData("S1 a b c", "s1", "4 nodes and a model")]
    [InlineData("S1 a b c d dm", "s1", "sw")]
    [InlineData("W1 a b v1", "w1", "controlling voltage source and a model")]
    [InlineData("V2 a", "v2", "2 nodes")]
    [InlineData("V2 a 0 1 2", "v2", "DC value given twice")]
    [InlineData("V2 a 0 PULSE(0)", "v2", "PULSE takes 2 to 8 arguments, got 1")]
    [InlineData("V2 a 0 PULSE(0 1 2 3 4 5 6 7 8)", "v2", "got 9")]
    [InlineData("V2 a 0 PULSE(0 1 2", "v2", "closing")]
    [InlineData("V2 a 0 SIN(0 1 2 3 4 5 6)", "v2", "SIN takes 2 to 6")]
    [InlineData("V2 a 0 PWL(0 0 1n)", "v2", "pairs")]
    [InlineData("V2 a 0 PWL(0 0 2n 1 1n 0)", "v2", "must not decrease")]
    [InlineData("V2 a 0 PWL file=wave.txt", "v2", "PWL FILE= is not supported")]
    [InlineData("V2 a 0 PWL(0 0 1n 1) x=3", "v2", "unknown PWL option 'x'")]
    [InlineData("V2 a 0 EXP(0 1 1n 1n 2n 2n)", "v2", "EXP")]
    [InlineData("V2 a 0 SIN(0 1 1k) PULSE(0 1)", "v2", "more than one")]
    [InlineData("Q1 c b e npnmod", "q1", "bipolar")]
    [InlineData("B1 a 0 v=1", "b1", "behavioural")]
    [InlineData("K1 l1 l2 0.9", "k1", "coupled inductors")]
    [InlineData("%bad a b 1", "%bad", "unknown element type '%'")]
    [InlineData("Xa a b nosuch", "xa", "unknown subcircuit 'nosuch'")]
    [InlineData("V1 a 0 1", "v1", "duplicate element name")]
    public void ElementErrorsNameFileLineAndElement(string card, string element, string contains)
    {
        Error(Prelude + card + "\n", line: 4, element: element,
            contains: contains, file: "bad.cir");
    }

    [Theory]
    [InlineData(".param a=", "'a'")]
    [InlineData(".param =3", "parameter name")]
    [InlineData(".param a 3", "expected '='")]
    [InlineData(".param a={nope}", "undefined parameter 'nope'")]
    [InlineData(".param", "name=value")]
    [InlineData(".func f(x) x+", "'f'")]
    [InlineData(".func sqrt(x) = x", "built-in")]
    [InlineData(".model", "name and a type")]
    [InlineData(".model m2 d (is=1", "missing ')'")]
    [InlineData(".model m2 d is", "name=value")]
    [InlineData(".model dm d is=1", "already defined")]
    [InlineData(".subckt", "needs a name")]
    [InlineData(".include", "file name")]
    public void DotCardErrorsNameFileAndLine(string card, string contains)
    {
        Error(Prelude + card + "\n", line: 4, element: null, contains: contains, file: "bad.cir");
    }

    [Fact]
    public void UndefinedParameterInSubcircuitDefaultNamesTheSubckt()
    {
        var ex = Error(".subckt s a params: w={wmissing}\nR1 a 0 {w}\n.ends\nX1 n s\n", line: 2, element: null,
            contains: "undefined parameter 'wmissing'", file: "bad.cir");
        Assert.Contains("'s'", ex.Message);
        Assert.Contains("'x1'", ex.Message);
    }

    [Fact]
    public void UndefinedParameterInModelNamesTheModel()
    {
        var ex = Error(".model q d is={isx}\n", line: 2, element: null, contains: "undefined parameter 'isx'", file: "bad.cir");
        Assert.Contains(".model 'q'", ex.Message);
    }

    [Fact]
    public void ErrorLocationIsTheFirstPhysicalLineOfAContinuedCard()
    {
        Error("R1 a b 1\nR2 a\n+ b\n+ {undefined_thing}\n", line: 3, element: "r2", contains: "undefined_thing", file: "bad.cir");
    }
}
