using CircuitNeuro.Circuits.Netlist;
using static CircuitNeuro.Circuits.Tests.Netlist.NetlistTestHelpers;

namespace CircuitNeuro.Circuits.Tests.Netlist;

public class LineHandlingTests
{
    [Fact]
    public void FirstLineIsTitleEvenIfItLooksLikeAnElement()
    {
        var n = NetlistParser.ParseText("R1 a b 1k\nR2 a 0 2k\n");
        Assert.Equal("R1 a b 1k", n.Title);
        Assert.Equal("r2", Assert.Single(n.Elements).Name);
        Assert.Equal("<text>", n.File);
    }

    [Fact]
    public void CommentsContinuationsAndBlankLines()
    {
        const string text =
            "My Circuit\n" +              // 1
            "* a comment line\n" +        // 2
            "\n" +                        // 3
            "R1 in\n" +                   // 4
            "+ out\n" +                   // 5
            "* comment between continuation lines\n" + // 6
            "+ 2k ; inline comment\n" +   // 7
            "C1 out 0 1p $ ngspice comment\n" + // 8
            "R$x out 0 1k\n" +            // 9: '$' inside a word is not a comment
            "   * indented comment\n" +   // 10
            "\tL1 out 0 1u\r\n" +         // 11
            ".end\n" +                    // 12
            "R99 a b 1\n";                // after .end: ignored
        var n = NetlistParser.ParseText(text, "c.cir");
        Assert.Equal("My Circuit", n.Title);
        Assert.Equal(new[] { "r1", "c1", "r$x", "l1" }, n.Elements.Select(e => e.Name));
        var r1 = n.Element("r1");
        Assert.Equal(new[] { "in", "out" }, r1.Nodes);
        Assert.Equal(2000.0, r1.Value);
        Assert.Equal(new SourceLocation("c.cir", 4), r1.Location);
        AssertNear(1e-12, n.Element("c1").Value);
        Assert.Equal(8, n.Element("c1").Location.Line);
        Assert.Equal(11, n.Element("l1").Location.Line);
    }

    [Fact]
    public void ControlBlocksAreSkipped()
    {
        var n = Parse("R1 a 0 1\n.control\nrun\nplot v(a)\nR2 a 0 1\n.endc\nR3 a 0 1\n");
        Assert.Equal(new[] { "r1", "r3" }, n.Elements.Select(e => e.Name));
    }

    [Fact]
    public void EverythingIsLowerCase()
    {
        var n = Parse("RLOAD OUT GND 1K\n.MODEL DMOD D (IS=1E-14 N=1.5)\nDIN OUT 0 DMOD\n");
        var r = n.Element("rload");
        Assert.Equal('R', r.Kind);
        Assert.Equal(new[] { "out", "0" }, r.Nodes);
        Assert.Equal("dmod", n.Element("din").Model);
        Assert.True(n.Models["dmod"].Parameters.ContainsKey("is"));
        Assert.Equal("d", n.Models["dmod"].Type);
    }

    [Fact]
    public void ContinuationWithoutCardIsAnError()
    {
        var ex = Assert.Throws<NetlistException>(() => NetlistParser.ParseText("title\n+ 1k\n", "x.cir"));
        AssertLocated(ex, "x.cir", 2, null, "continuation");
    }

    [Fact]
    public void UnterminatedControlIsAnError()
    {
        Error("R1 a 0 1\n.control\nrun\n", line: 3, element: null, contains: ".endc");
    }
}
