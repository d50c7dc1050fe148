using CircuitNeuro.Circuits.Netlist;
using static CircuitNeuro.Circuits.Tests.Netlist.NetlistTestHelpers;

namespace CircuitNeuro.Circuits.Tests.Netlist;

public class ControlCardTests
{
    [Fact]
    public void Analyses()
    {
        var n = Parse("V1 a 0 1\nI2 a 0 0\nR1 a 0 1\n.op\n.dc v1 0 5 0.1\n.dc V1 0 1 0.5 I2 0 1m 0.5m\n" +
                      ".tran 1n 10u\n.tran 1n 10u 1u 5n UIC\n.dc temp -40 125 5\n");
        Assert.Equal(6, n.Analyses.Count);
        Assert.Equal(new OpCard(new SourceLocation("t.cir", 5)), n.Analyses[0]);
        var dc = Assert.IsType<DcCard>(n.Analyses[1]);
        Assert.Equal(("v1", 0.0, 5.0, 0.1), (dc.Source, dc.Start, dc.Stop, dc.Step));
        Assert.Null(dc.Source2);
        var dc2 = Assert.IsType<DcCard>(n.Analyses[2]);
        Assert.Equal("i2", dc2.Source2);
        Assert.Equal(1e-3, dc2.Stop2, 15);
        Assert.Equal(5e-4, dc2.Step2, 15);
        var t1 = Assert.IsType<TranCard>(n.Analyses[3]);
        AssertNear(1e-9, t1.Step);
        AssertNear(1e-5, t1.Stop);
        Assert.True(double.IsNaN(t1.Start));
        Assert.True(double.IsNaN(t1.MaxStep));
        Assert.False(t1.Uic);
        var t2 = Assert.IsType<TranCard>(n.Analyses[4]);
        AssertNear(1e-6, t2.Start);
        AssertNear(5e-9, t2.MaxStep);
        Assert.True(t2.Uic);
        Assert.Equal("temp", Assert.IsType<DcCard>(n.Analyses[5]).Source);
    }

    [Fact]
    public void OptionsTempIcAndIgnoredCards()
    {
        var n = Parse("R1 a 0 1\n.options reltol=1e-4 abstol=1p method=gear noopiter\n.option gmin=1e-12\n" +
                      ".temp 85\n.ic v(a)=0.5 V(GND)=0 v(x1)={2*0.25}\n.save v(a)\n.print tran v(a)\n.plot v(a)\n" +
                      ".probe i(r1)\n.meas tran t1 when v(a)=0.5\n.width out=80\n");
        Assert.Equal(1e-4, n.Options["reltol"]);
        AssertNear(1e-12, n.Options["abstol"]);
        Assert.Equal(1.0, n.Options["noopiter"]);
        AssertNear(1e-12, n.Options["gmin"]);
        Assert.Equal("gear", n.TextOptions["method"]);
        Assert.Equal(85.0, n.Temperature);
        Assert.Equal(0.5, n.InitialConditions["a"]);
        Assert.Equal(0.0, n.InitialConditions["0"]);
        Assert.Equal(0.5, n.InitialConditions["x1"]);
        Assert.Empty(n.Analyses);
    }

    [Fact]
    public void TemperatureDefaultsToNaNAndTitleCard()
    {
        var n = Parse("R1 a 0 1\n.title Real Title\n");
        Assert.True(double.IsNaN(n.Temperature));
        Assert.Equal("Real Title", n.Title);
    }

    [Theory]
    [InlineData(".tran 1n\n", ".tran")]
    [InlineData(".tran 0 1u\n", "positive")]
    [InlineData(".tran 1n 1u 2u\n", "tstart")]
    [InlineData(".dc v1 0 1\n", "src start stop step")]
    [InlineData(".dc v1 0 1 0\n", "zero")]
    [InlineData(".dc vnone 0 1 0.1\n", "'vnone'")]
    [InlineData(".dc r1 0 1 0.1\n", "'r1'")]
    [InlineData(".op 1\n", "no arguments")]
    [InlineData(".ic v(a)\n", "v(node)=value")]
    [InlineData(".ac dec 10 1 1meg\n", "not supported")]
    [InlineData(".noise v(a) v1 dec 10 1 1k\n", "not supported")]
    [InlineData(".nodeset v(a)=1\n", "'.nodeset'")]
    [InlineData(".global vdd\n", "'.global'")]
    [InlineData(".foo\n", "'.foo'")]
    [InlineData(".temp\n", "temperature")]
    public void MalformedControlCards(string card, string contains)
    {
        Error("V1 a 0 1\nR1 a 0 1\n" + card, line: 4, element: null, contains: contains);
    }
}
