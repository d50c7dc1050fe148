using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Netlist;

namespace CircuitNeuro.Circuits.Tests.Engine;

public class NetlistOptionsTests
{
    private static Circuit Build(string options) =>
        CircuitFactory.Build(NetlistParser.ParseText($"t\nV1 a 0 1\nR1 a 0 1k\n{options}\n.op\n.end\n", "opts.cir"));

    [Fact]
    public void Options_reach_the_engine()
    {
        var c = Build(".options reltol=1e-6 gmin=1e-15 method=gear\n.temp 60");
        Assert.Equal(1e-6, c.Options.RelTol);
        Assert.Equal(1e-15, c.Options.Gmin);
        Assert.Equal(IntegrationMethod.Gear2, c.Options.Method);
        Assert.Equal(60, c.Options.Temperature);
        Assert.Equal(IntegrationMethod.Trapezoidal, Build("").Options.Method);
    }

    [Fact]
    public void Unknown_integration_method_is_an_error_naming_the_file()
    {
        var ex = Assert.Throws<NetlistException>(() => Build(".options method=euler"));
        Assert.Contains("opts.cir", ex.Message);
        Assert.Contains("method=euler", ex.Message);
    }
}
