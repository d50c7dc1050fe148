using CircuitNeuro.Circuits.Netlist;

namespace CircuitNeuro.Circuits.Tests.Netlist;

internal static class NetlistTestHelpers
{
    public static ParsedNetlist Parse(string body, string file = "t.cir") =>
        NetlistParser.ParseText("title line\n" + body, file);

    /// <summary>Relative comparison for values such as 1e-15 where fixed decimal precision is meaningless.</summary>
    public static void AssertNear(double expected, double actual, double relative = 1e-12)
    {
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
    }

    public static ElementCard Element(this ParsedNetlist n, string name) => n.Elements.Single(e => e.Name == name);

    /// <summary>Parses and asserts an error at the given line naming the element (when given).</summary>
    public static NetlistException Error(string body, int line, string? element, string? contains = null, string file = "t.cir")
    {
        var ex = Assert.Throws<NetlistException>(() => Parse(body, file));
        AssertLocated(ex, file, line, element, contains);
        return ex;
    }

    public static void AssertLocated(NetlistException ex, string file, int line, string? element, string? contains = null)
    {
        Assert.NotNull(ex.Location);
        Assert.Equal(file, ex.Location!.File);
        Assert.Equal(line, ex.Location.Line);
        Assert.StartsWith($"{file}:{line}: ", ex.Message);
        if (element is not null)
        {
            Assert.Equal(element, ex.Element);
            Assert.Contains($"'{element}'", ex.Message);
        }
        if (contains is not null) Assert.Contains(contains, ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
