using CircuitNeuro.Circuits.Netlist;
using static CircuitNeuro.Circuits.Tests.Netlist.NetlistTestHelpers;

namespace CircuitNeuro.Circuits.Tests.Netlist;

public sealed class IncludeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cn-netlist-" + Guid.NewGuid().ToString("N"));

    public IncludeTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "lib", "deep"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_dir, relative);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void IncludesResolveRelativeToTheIncludingFile()
    {
        Write("lib/models.inc", "* models, no title line here\n.model dm d is=1e-14\n.include deep/cells.inc\n");
        Write("lib/deep/cells.inc", ".subckt cell a b\nD1 a b dm\n.ends\n");
        string top = Write("top.cir", "Top\n.INCLUDE lib/models.inc\n.inc \"lib/deep/../deep/extra.inc\"\nX1 in 0 cell\n.op\n.end\n");
        Write("lib/deep/extra.inc", "R1 in 0 1k\n");

        var n = NetlistParser.ParseFile(top);
        Assert.Equal("Top", n.Title);
        Assert.Equal(top, n.File);
        Assert.Equal(new[] { "r1", "x1.d1" }, n.Elements.Select(e => e.Name));
        var d = n.Element("x1.d1");
        Assert.Equal("dm", d.Model);
        Assert.Equal(Path.Combine(_dir, "lib", "deep", "cells.inc"), d.Location.File);
        Assert.Equal(2, d.Location.Line);
        Assert.Equal(Path.Combine(_dir, "lib", "models.inc"), n.Models["dm"].Location.File);
        Assert.Equal(2, n.Models["dm"].Location.Line);
    }

    [Fact]
    public void ParseTextResolvesIncludesAgainstBaseDirectory()
    {
        Write("r.inc", "R5 a 0 5\n");
        var n = NetlistParser.ParseText("t\n.include r.inc\n", "mem.cir", _dir);
        Assert.Equal(5.0, n.Element("r5").Value);
    }

    [Fact]
    public void MissingIncludeReportsTheIncludeLine()
    {
        string top = Write("top.cir", "Top\nR1 a 0 1\n.include nothere.inc\n");
        var ex = Assert.Throws<NetlistException>(() => NetlistParser.ParseFile(top));
        AssertLocated(ex, top, 3, null, "nothere.inc");
    }

    [Fact]
    public void IncludeCycleIsDetected()
    {
        string a = Write("lib/a.inc", "R1 x 0 1\n.include deep/b.inc\n");
        string b = Write("lib/deep/b.inc", "* b\n.include ../a.inc\n");
        string top = Write("top.cir", "Top\n.include lib/a.inc\n");
        var ex = Assert.Throws<NetlistException>(() => NetlistParser.ParseFile(top));
        AssertLocated(ex, b, 2, null, "include cycle");
        Assert.Contains(a, ex.Message);
    }

    [Fact]
    public void SelfIncludeIsACycle()
    {
        string top = Write("self.cir", "Self\n.include self.cir\n");
        var ex = Assert.Throws<NetlistException>(() => NetlistParser.ParseFile(top));
        AssertLocated(ex, top, 2, null, "include cycle");
    }

    [Fact]
    public void ErrorsInsideIncludedFilesNameThatFile()
    {
        string inc = Write("bad.inc", "R1 a 0 1\nR2 a 0\n");
        string top = Write("top.cir", "Top\n.include bad.inc\n");
        var ex = Assert.Throws<NetlistException>(() => NetlistParser.ParseFile(top));
        AssertLocated(ex, inc, 2, "r2");
    }

    [Fact]
    public void LibIsUnsupported()
    {
        Error(".lib models.lib tt\n", line: 2, element: null, contains: ".lib is not supported");
    }

    [Fact]
    public void MissingTopFileIsANetlistException()
    {
        var ex = Assert.Throws<NetlistException>(() => NetlistParser.ParseFile(Path.Combine(_dir, "none.cir")));
        Assert.Contains("none.cir", ex.Message);
    }
}
