using CircuitNeuro.Circuits.Netlist;
using static CircuitNeuro.Circuits.Tests.Netlist.NetlistTestHelpers;

namespace CircuitNeuro.Circuits.Tests.Netlist;

public class SubcircuitTests
{
    private const string Divider =
        ".subckt div in out params: ra=1k rb={ra*2}\n" +
        "R1 in out {ra}\n" +
        "R2 out mid {rb}\n" +
        "R3 mid gnd 1\n" +
        ".ends div\n";

    [Fact]
    public void FlattensWithHierarchicalNamesAndNodes()
    {
        var n = Parse(Divider + "X1 a b div\nXbig c d div ra=10k\n");
        Assert.Equal(new[] { "x1.r1", "x1.r2", "x1.r3", "xbig.r1", "xbig.r2", "xbig.r3" }, n.Elements.Select(e => e.Name));
        Assert.Equal(new[] { "a", "b" }, n.Element("x1.r1").Nodes);
        Assert.Equal(new[] { "b", "x1.mid" }, n.Element("x1.r2").Nodes);
        Assert.Equal(new[] { "x1.mid", "0" }, n.Element("x1.r3").Nodes);   // ground stays global
        Assert.Equal(1000.0, n.Element("x1.r1").Value);
        Assert.Equal(2000.0, n.Element("x1.r2").Value);                   // default uses earlier default
        Assert.Equal(10000.0, n.Element("xbig.r1").Value);
        Assert.Equal(20000.0, n.Element("xbig.r2").Value);                // override feeds dependent default
        Assert.Equal('R', n.Element("xbig.r2").Kind);
        Assert.Equal(4, n.Element("x1.r2").Location.Line);               // location inside the definition
    }

    [Fact]
    public void NestedInstancesAndOverridesFromCallerScope()
    {
        var n = Parse(".param gscale=3\n" +
                      Divider +
                      ".subckt pair p q r params: base=100\n" +
                      ".param twice={base*2}\n" +
                      "X1 p q div ra={twice}\n" +
                      "X2 q r div PARAMS: ra={base*gscale}\n" +
                      "C1 q 0 1p\n" +
                      ".ends\n" +
                      "Xtop n1 n2 n3 pair base=5\n");
        Assert.Equal(10.0, n.Element("xtop.x1.r1").Value);
        Assert.Equal(20.0, n.Element("xtop.x1.r2").Value);
        Assert.Equal(15.0, n.Element("xtop.x2.r1").Value);
        Assert.Equal(new[] { "n1", "n2" }, n.Element("xtop.x1.r1").Nodes);
        Assert.Equal(new[] { "n2", "xtop.x1.mid" }, n.Element("xtop.x1.r2").Nodes);
        Assert.Equal(new[] { "xtop.x2.mid", "0" }, n.Element("xtop.x2.r3").Nodes);
        Assert.Equal(new[] { "n3", "xtop.x2.mid" }, n.Element("xtop.x2.r2").Nodes);
        Assert.Equal(new[] { "n2", "0" }, n.Element("xtop.c1").Nodes);
        Assert.Equal(7, n.Elements.Count);
    }

    [Fact]
    public void NestedDefinitionsAreLocal()
    {
        const string body =
            ".subckt outer a b\n" +
            ".subckt inner x y\n" +
            "R1 x y 5\n" +
            ".ends inner\n" +
            "Xi a b inner\n" +
            ".ends outer\n" +
            "Xo 1 2 outer\n";
        var n = Parse(body);
        var r = Assert.Single(n.Elements);
        Assert.Equal("xo.xi.r1", r.Name);
        Assert.Equal(new[] { "1", "2" }, r.Nodes);
        Error(body + "Xbad 1 2 inner\n", line: 9, element: "xbad", contains: "unknown subcircuit 'inner'");
    }

    [Fact]
    public void ModelsInsideSubcircuitsAreScoped()
    {
        var n = Parse(".model dm d is=1e-14\n.model sm sw vt=1\n" +
                      ".subckt cell a b params: isat=1e-15\n" +
                      ".model dm d is={isat}\n" +
                      "D1 a b dm\n" +
                      "S1 a b a b sm\n" +
                      ".ends\n" +
                      "X1 1 0 cell\nX2 2 0 cell isat=2e-15\nD9 1 0 dm\n");
        Assert.Equal("x1.dm", n.Element("x1.d1").Model);
        Assert.Equal("x2.dm", n.Element("x2.d1").Model);
        Assert.Equal("sm", n.Element("x1.s1").Model);    // falls back to the global model
        Assert.Equal("dm", n.Element("d9").Model);
        AssertNear(1e-15, n.Models["x1.dm"].Parameters["is"]);
        AssertNear(2e-15, n.Models["x2.dm"].Parameters["is"]);
        AssertNear(1e-14, n.Models["dm"].Parameters["is"]);
        Assert.Equal(4, n.Models.Count);
    }

    [Fact]
    public void ControlSourceNamesAreFlattened()
    {
        var n = Parse(".subckt mirror in out\nVsense in mid 0\nF1 out 0 vsense 2\nR1 mid 0 1\n.ends\nX1 a b mirror\n");
        Assert.Equal("x1.vsense", n.Element("x1.f1").ControlSource);
    }

    [Fact]
    public void RecursiveInstantiationIsAnError()
    {
        Error(".subckt a p\nXr p b\n.ends\n.subckt b p\nXr p a\n.ends\nX1 n a\n", line: 6, element: "x1.xr.xr",
            contains: "recursive");
    }

    [Fact]
    public void WrongPortCountNamesTheXLine()
    {
        Error(Divider + "R0 a 0 1\nX7 a b c div\n", line: 8, element: "x7", contains: "2 port(s) but 3 node(s)");
    }

    [Fact]
    public void UnknownOverrideIsAnError()
    {
        Error(Divider + "X1 a b div rc=5\n", line: 7, element: "x1", contains: "no parameter 'rc'");
    }

    [Fact]
    public void ErrorInsideSubcircuitPointsAtDefinitionLineWithFlattenedName()
    {
        Error(".subckt s a b\nR1 a b {undefinedp}\n.ends\nX1 1 2 s\n", line: 3, element: "x1.r1",
            contains: "undefined parameter 'undefinedp'");
    }

    [Fact]
    public void StructureErrors()
    {
        Error(".subckt s a b\nR1 a b 1\n", line: 2, element: null, contains: "no matching .ends");
        Error("R1 a b 1\n.ends\n", line: 3, element: null, contains: ".ends without .subckt");
        Error(".subckt s a b\n.ends t\n", line: 3, element: null, contains: "does not match");
        Error(".subckt s a b\n.tran 1n 1u\n.ends\n", line: 3, element: null, contains: "not allowed inside .subckt");
        Error(".subckt s a a\n.ends\n", line: 2, element: null, contains: "listed twice");
    }
}
