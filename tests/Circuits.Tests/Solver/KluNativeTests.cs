using System.Runtime.InteropServices;
using CircuitNeuro.Circuits.Solver;

namespace CircuitNeuro.Circuits.Tests.Solver;

public class KluNativeTests
{
    [Fact]
    public void LibraryIsAvailable()
    {
        Assert.True(KluNative.IsAvailable(out string reason), reason);
    }

    [Fact]
    public void StructLayoutsMatchKluHeader()
    {
        // Offsets from klu.h (SuiteSparse 5.12, x86-64), printed with offsetof by a C program.
        Assert.Equal(160, Marshal.SizeOf<KluCommon>());
        Assert.Equal(40, (int)Marshal.OffsetOf<KluCommon>(nameof(KluCommon.Btf)));
        Assert.Equal(56, (int)Marshal.OffsetOf<KluCommon>(nameof(KluCommon.UserOrder)));
        Assert.Equal(72, (int)Marshal.OffsetOf<KluCommon>(nameof(KluCommon.HaltIfSingular)));
        Assert.Equal(92, (int)Marshal.OffsetOf<KluCommon>(nameof(KluCommon.SingularCol)));
        Assert.Equal(112, (int)Marshal.OffsetOf<KluCommon>(nameof(KluCommon.RCond)));
        Assert.Equal(152, (int)Marshal.OffsetOf<KluCommon>(nameof(KluCommon.MemPeak)));
        Assert.Equal(96, Marshal.SizeOf<KluSymbolic>());
        Assert.Equal(40, (int)Marshal.OffsetOf<KluSymbolic>(nameof(KluSymbolic.N)));
        Assert.Equal(56, (int)Marshal.OffsetOf<KluSymbolic>(nameof(KluSymbolic.Q)));
        Assert.Equal(76, (int)Marshal.OffsetOf<KluSymbolic>(nameof(KluSymbolic.NBlocks)));
        Assert.Equal(168, Marshal.SizeOf<KluNumeric>());
        Assert.Equal(32, (int)Marshal.OffsetOf<KluNumeric>(nameof(KluNumeric.Pinv)));
        Assert.Equal(88, (int)Marshal.OffsetOf<KluNumeric>(nameof(KluNumeric.Udiag)));
        Assert.Equal(96, (int)Marshal.OffsetOf<KluNumeric>(nameof(KluNumeric.Rs)));
        Assert.Equal(160, (int)Marshal.OffsetOf<KluNumeric>(nameof(KluNumeric.NzOff)));
    }
}

public class LinearSolverFactoryTests
{
    private static MnaMatrix Frozen(int n)
    {
        var m = new MnaMatrix(n);
        m.Freeze();
        return m;
    }

    [Theory]
    [InlineData(0, typeof(DenseLuSolver))]
    [InlineData(1, typeof(DenseLuSolver))]
    [InlineData(LinearSolverFactory.DenseThreshold, typeof(DenseLuSolver))]
    [InlineData(LinearSolverFactory.DenseThreshold + 1, typeof(KluSolver))]
    [InlineData(5000, typeof(KluSolver))]
    public void ChoosesBySize(int n, Type expected)
    {
        using var s = LinearSolverFactory.Create(Frozen(n));
        Assert.IsType(expected, s);
    }

    [Fact]
    public void EmptySystem_Works()
    {
        using var s = LinearSolverFactory.Create(Frozen(0));
        s.Factor(Frozen(0));
        s.Solve(Array.Empty<double>());
    }
}
