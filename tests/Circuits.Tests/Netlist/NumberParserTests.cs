using CircuitNeuro.Circuits.Netlist;

namespace CircuitNeuro.Circuits.Tests.Netlist;

public class NumberParserTests
{
    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("-2.5", -2.5)]
    [InlineData("+.5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1E-3", 0.001)]
    [InlineData("1T", 1e12)]
    [InlineData("1g", 1e9)]
    [InlineData("1meg", 1e6)]
    [InlineData("1MEG", 1e6)]
    [InlineData("2.2Meg", 2.2e6)]
    [InlineData("1k", 1e3)]
    [InlineData("1K", 1e3)]
    [InlineData("1m", 1e-3)]
    [InlineData("1M", 1e-3)]      // SPICE: M is milli, not mega
    [InlineData("1mil", 25.4e-6)]
    [InlineData("1u", 1e-6)]
    [InlineData("1n", 1e-9)]
    [InlineData("1p", 1e-12)]
    [InlineData("1f", 1e-15)]
    [InlineData("10kOhm", 1e4)]
    [InlineData("1uF", 1e-6)]
    [InlineData("5V", 5.0)]
    [InlineData("1e-3A", 1e-3)]   // 'A' is a unit, not atto
    [InlineData("2.5ns", 2.5e-9)]
    [InlineData("1ms", 1e-3)]
    [InlineData("1megohm", 1e6)]
    [InlineData("3F", 3e-15)]     // F is femto, as in ngspice
    [InlineData("1.5e2k", 1.5e5)]
    public void ParsesSuffixes(string text, double expected)
    {
        Assert.True(NumberParser.TryParse(text, out double v), text);
        Assert.Equal(expected, v, Math.Abs(expected) * 1e-12);
    }

    [Theory]
    [InlineData("")]
    [InlineData("k")]
    [InlineData(".")]
    [InlineData("1k5")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("1e3x2")]
    public void RejectsNonNumbers(string text)
    {
        Assert.False(NumberParser.TryParse(text, out _));
    }
}
