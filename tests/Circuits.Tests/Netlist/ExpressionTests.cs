using CircuitNeuro.Circuits.Netlist;
using static CircuitNeuro.Circuits.Tests.Netlist.NetlistTestHelpers;

namespace CircuitNeuro.Circuits.Tests.Netlist;

public class ExpressionTests
{
    private static double Eval(string expr, string paramsBefore = "")
    {
        var n = Parse(paramsBefore + "\n.param result = {" + expr + "}\n");
        return n.Parameters["result"];
    }

    [Theory]
    [InlineData("1+2*3", 7.0)]
    [InlineData("(1+2)*3", 9.0)]
    [InlineData("10/4", 2.5)]
    [InlineData("2^10", 1024.0)]
    [InlineData("2**3", 8.0)]
    [InlineData("2^3^2", 512.0)]       // right-associative
    [InlineData("-2^2", -4.0)]         // ngspice: unary minus binds looser than ^
    [InlineData("2^-1", 0.5)]
    [InlineData("--3", 3.0)]
    [InlineData("1-2-3", -4.0)]
    [InlineData("12/2/3", 2.0)]
    [InlineData("2k*3", 6000.0)]
    [InlineData("1meg/1k", 1000.0)]
    [InlineData("abs(-3)", 3.0)]
    [InlineData("min(4, 2, 8)", 2.0)]
    [InlineData("max(4, 2, 8)", 8.0)]
    [InlineData("pow(3, 4)", 81.0)]
    [InlineData("floor(-2.5)", -3.0)]
    [InlineData("ceil(2.1)", 3.0)]
    [InlineData("int(-2.7)", -2.0)]
    [InlineData("sgn(-5)", -1.0)]
    [InlineData("sgn(0)", 0.0)]
    [InlineData("3 > 2 ? 10 : 20", 10.0)]
    [InlineData("1 == 2", 0.0)]
    [InlineData("log10(1000)", 3.0)]
    public void EvaluatesExactValues(string expr, double expected)
    {
        Assert.Equal(expected, Eval(expr), 12);
    }

    [Fact]
    public void EvaluatesTranscendentalFunctions()
    {
        Assert.Equal(Math.Sqrt(2) * 3, Eval("sqrt(2)*3"), 12);
        Assert.Equal(Math.E, Eval("exp(1)"), 12);
        Assert.Equal(Math.Log(10), Eval("log(10)"), 12);   // ngspice log is natural
        Assert.Equal(Math.Log(10), Eval("ln(10)"), 12);
        Assert.Equal(1.0, Eval("sin(pi/2)"), 12);
        Assert.Equal(-1.0, Eval("cos(pi)"), 12);
        Assert.Equal(1.0, Eval("tan(pi/4)"), 12);
        Assert.Equal(Math.PI / 4, Eval("atan(1)"), 12);
        Assert.Equal(Math.Tanh(0.5), Eval("tanh(0.5)"), 12);
        Assert.Equal(Math.Sinh(1.5) + Math.Cosh(1.5), Eval("sinh(1.5)+cosh(1.5)"), 12);
    }

    [Fact]
    public void ReferencesEarlierParameters()
    {
        var n = Parse(".param a=2 b={a*3} c = a + b\n.param d='c^2 - 1' e=-a\n");
        Assert.Equal(2.0, n.Parameters["a"]);
        Assert.Equal(6.0, n.Parameters["b"]);
        Assert.Equal(8.0, n.Parameters["c"]);
        Assert.Equal(63.0, n.Parameters["d"]);
        Assert.Equal(-2.0, n.Parameters["e"]);
    }

    [Fact]
    public void ParamsAcceptCommasAndSpacesAroundEquals()
    {
        var n = Parse(".param x = 1k, y = {x/2} , z=3\n");
        Assert.Equal(1000.0, n.Parameters["x"]);
        Assert.Equal(500.0, n.Parameters["y"]);
        Assert.Equal(3.0, n.Parameters["z"]);
    }

    [Fact]
    public void ParamsAreCaseInsensitive()
    {
        var n = Parse(".PARAM Rload=2K\nR1 a 0 {RLOAD*2}\n");
        Assert.Equal(2000.0, n.Parameters["rload"]);
        Assert.Equal(4000.0, n.Element("r1").Value);
    }

    [Fact]
    public void UserFunctions()
    {
        var n = Parse(".func sq(x) = x*x\n.func hyp(a, b) {sqrt(sq(a) + sq(b))}\n.param k=2\n.func scaled(x) = k*x\n" +
                      ".param h={hyp(3,4)} s={scaled(5)}\n");
        Assert.Equal(5.0, n.Parameters["h"], 12);
        Assert.Equal(10.0, n.Parameters["s"], 12);
    }

    [Fact]
    public void ValuesInBracesAndQuotesEverywhere()
    {
        var n = Parse(".param r0=1k tau=1u\n" +
                      "R1 a 0 {r0*2}\n" +
                      "C1 a 0 'tau/r0'\n" +
                      "V1 a 0 PULSE(0 {r0/1k} {tau} 1n 1n 5u 10u)\n" +
                      ".model dm d is={1e-14*2}\n" +
                      "D1 a 0 dm\n" +
                      ".tran {tau/10} {tau*20}\n");
        Assert.Equal(2000.0, n.Element("r1").Value);
        AssertNear(1e-9, n.Element("c1").Value);
        var p = Assert.IsType<PulseSpec>(n.Element("v1").Waveform);
        Assert.Equal(1.0, p.Args[1]);
        AssertNear(1e-6, p.Args[2]);
        AssertNear(2e-14, n.Models["dm"].Parameters["is"]);
        var tran = Assert.IsType<TranCard>(Assert.Single(n.Analyses));
        AssertNear(1e-7, tran.Step);
        AssertNear(2e-5, tran.Stop);
    }

    [Fact]
    public void ElementsMayUseParamsDefinedBelowThem()
    {
        var n = Parse("R1 a 0 {late}\n.param late=7\n");
        Assert.Equal(7.0, n.Element("r1").Value);
    }

    [Fact]
    public void ParamReferencingLaterParamIsAnError()
    {
        Error(".param a={b+1}\n.param b=2\n", line: 2, element: null, contains: "undefined parameter 'b'");
    }

    [Fact]
    public void InternalParserStopsAtNextAssignment()
    {
        var e = ExpressionParser.ParsePrefix("1 + 2 b=3", 0, out int end);
        Assert.Equal(3.0, e(new ParameterScope(null)));
        Assert.Equal(6, end);
    }

    [Theory]
    [InlineData("1+")]
    [InlineData("(1+2")]
    [InlineData("1 2")]
    [InlineData("foo(1)")]
    [InlineData("sqrt(1,2)")]
    [InlineData("2 # 3")]
    public void SyntaxErrorsAreReported(string expr)
    {
        var ex = Error($"R1 a 0 {{{expr}}}\n", line: 2, element: "r1");
        Assert.DoesNotContain("Exception", ex.Message);
    }

    [Fact]
    public void DivisionByZeroIsAnError()
    {
        Error(".param z=0\nR1 a 0 {1/z}\n", line: 3, element: "r1", contains: "finite");
    }
}
