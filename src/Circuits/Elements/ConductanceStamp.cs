using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>The four matrix slots of a conductance between two unknowns (either may be ground): a transconductance controlled by its own voltage.</summary>
public struct ConductanceStamp
{
    private TransconductanceStamp _stamp;

    public void Register(SetupContext ctx, int a, int b) => _stamp.Register(ctx, a, b, a, b);

    public readonly void Load(LoadContext ctx, double g) => _stamp.Load(ctx, g);
}

/// <summary>Slots of a transconductance: current into (out+, out−) controlled by the voltage (in+, in−).</summary>
public struct TransconductanceStamp
{
    private int _pp, _pn, _np, _nn;

    public void Register(SetupContext ctx, int outP, int outN, int inP, int inN)
    {
        _pp = ctx.Slot(outP, inP);
        _pn = ctx.Slot(outP, inN);
        _np = ctx.Slot(outN, inP);
        _nn = ctx.Slot(outN, inN);
    }

    public readonly void Load(LoadContext ctx, double g)
    {
        var v = ctx.Matrix.Values;
        v[_pp] += g;
        v[_pn] -= g;
        v[_np] -= g;
        v[_nn] += g;
    }
}

/// <summary>Slots coupling a branch-current unknown to its two nodes: KCL columns and the branch equation row.</summary>
public struct BranchStamp
{
    private int _pb, _nb, _bp, _bn;

    public void Register(SetupContext ctx, int p, int n, int branch)
    {
        _pb = ctx.Slot(p, branch);
        _nb = ctx.Slot(n, branch);
        _bp = ctx.Slot(branch, p);
        _bn = ctx.Slot(branch, n);
    }

    /// <summary>Current leaves node p through the branch and enters n; branch row reads v(p) − v(n).</summary>
    public readonly void Load(LoadContext ctx)
    {
        var v = ctx.Matrix.Values;
        v[_pb] += 1;
        v[_nb] -= 1;
        v[_bp] += 1;
        v[_bn] -= 1;
    }
}
