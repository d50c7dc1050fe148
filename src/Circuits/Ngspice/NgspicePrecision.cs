namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>
/// Option presets that make ngspice 39 a precise reference for cross-checking our MNA engine.
/// <para><b>Operating point / DC sweep</b> (<see cref="TightOpOptions"/>):
/// <c>.options reltol=1e-12 abstol=1e-15 vntol=1e-15 gmin=1e-12</c>.
/// With ngspice's defaults (reltol=1e-3, abstol=1e-12, vntol=1e-6) a diode/MOS OP is only good to
/// ~1e-6…1e-4 relative (e.g. a DC-sweep point and the OP at the same bias differed by 2.6e-4).
/// With this preset, Newton stops only when every node voltage changes by less than
/// 1e-12·|v| + 1e-15 V and every device current by less than 1e-12·|i| + 1e-15 A; because
/// Newton converges quadratically the final iterate is then at round-off. Measured: a
/// two-diode network agrees with an independent double-precision Newton solve (same model
/// equations, k = 1.38064852e-23, q = 1.6021766208e-19, T = 300.15 K) to 1e-14 relative; all
/// OP/DC netlists in netlists/ converge without gmin/source stepping and agree with
/// reltol=1e-12/abstol=1e-18 runs to &lt; 5e-12 relative. So ngspice's OP is accurate to ~1e-12
/// and a 1e-9 relative comparison against our engine is meaningful.</para>
/// <para>Findings that shaped the numbers:
/// <list type="bullet">
/// <item>abstol below 1e-15 (e.g. the often-quoted 1e-18) makes plain Newton fail at
/// zero-bias sweep points (netlists/include_models.cir, VDD = 0), and ngspice then falls back to
/// gmin and source stepping; reltol=1e-14 fails the same way.</item>
/// <item>gmin is kept at its default 1e-12 S but stated explicitly: ngspice puts gmin in
/// parallel with every diode junction and MOS bulk junction, which shifts node voltages by
/// ~1e-9 relative in µA circuits — our engine must model the same gmin (gmin=0 is not an
/// option: it forces stepping).</item>
/// <item>Run each analysis in its own run (<see cref="NgspiceNetlist.KeepOnlyAnalysis"/>):
/// ngspice runs <c>.dc</c> before <c>.op</c> whatever the card order, and after a failed
/// gmin/source-stepping attempt the source factor stays at 1 − 1e-12 and the stepping's
/// diagonal gmin stays in place, so a later OP in the same run was off by 5e-9.</item>
/// <item>The tight OP preset is not for transients: reltol=1e-12 makes the half-wave
/// rectifier abort with "timestep too small".</item>
/// </list></para>
/// <para><b>Transient</b> (<see cref="TransientOptions"/>): <c>reltol=1e-6 abstol=1e-12
/// vntol=1e-9</c> runs every transient netlist here cleanly at a small cost (reltol down to
/// 1e-9 also works); the accuracy of a transient is then limited by ngspice's time-step
/// control (truncation error, trtol=7), so compare waveforms at ~1e-4…1e-6, not 1e-9.</para>
/// </summary>
public static class NgspicePrecision
{
    /// <summary>Tight operating-point / DC-sweep tolerances (see class remarks).</summary>
    public const string TightOpOptions = ".options reltol=1e-12 abstol=1e-15 vntol=1e-15 gmin=1e-12";

    /// <summary>Tighter-than-default transient tolerances that still run robustly.</summary>
    public const string TransientOptions = ".options reltol=1e-6 abstol=1e-12 vntol=1e-9";

    /// <summary>Relative tolerance a cross-check of OP/DC results against ngspice can use.</summary>
    public const double OpCompareRelTol = 1e-9;

    /// <summary>The netlist with <see cref="TightOpOptions"/> inserted before <c>.end</c>.</summary>
    public static string WithTightOp(string netlistText) => NgspiceNetlist.InsertBeforeEnd(netlistText, TightOpOptions);

    /// <summary>The netlist with <see cref="TransientOptions"/> inserted before <c>.end</c>.</summary>
    public static string WithTransientOptions(string netlistText) => NgspiceNetlist.InsertBeforeEnd(netlistText, TransientOptions);
}
