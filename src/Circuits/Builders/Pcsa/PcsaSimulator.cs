using System.Text.RegularExpressions;
using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Ngspice;

namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>Runs one PCSA read on our engine (EKV cards) or on ngspice (BSIM4 cards) from the same netlist text.</summary>
public static class PcsaSimulator
{
    /// <summary>Largest time step of our engine (s): the truncation-error control takes smaller ones on the edges.</summary>
    public const double MaxStep = 0.5e-9;

    public static PcsaRead Run(PcsaDesign design, PcsaRun run) =>
        RunText(PcsaNetlist.Write(design, run.Stop, run.SenseEnd), null, design, run);

    /// <summary>
    /// Runs any PCSA netlist text with nodes q, qb and supply VDD on our engine; <paramref name="timing"/> supplies the
    /// supply voltage, SEN edge and decision time the reader uses (its other fields are not used).
    /// </summary>
    public static PcsaRead RunText(string text, string? baseDirectory, PcsaDesign timing, PcsaRun run)
    {
        var circuit = CircuitFactory.Build(NetlistParser.ParseText(text, "pcsa.cir", baseDirectory));
        using var system = new MnaSystem(circuit);
        int q = system.NodeIndex("q"), qb = system.NodeIndex("qb"), idd = system.UnknownNames.ToList().IndexOf("i(vdd)");
        if (q < 0 || qb < 0 || idd < 0) throw new ArgumentException("a PCSA netlist needs nodes q and qb and a supply source VDD");
        var reader = new PcsaWaveformReader(timing);
        var sim = new TransientSimulation(system, MaxStep, run.Stop, MaxStep);
        sim.PointAccepted += s => reader.Add(s.Time, system.Solution[q], system.Solution[qb], -timing.SupplyVoltage * system.Solution[idd]);
        SolvePrechargedOperatingPoint(system, text, baseDirectory, timing.SupplyVoltage);
        sim.Start(uic: true);
        sim.AddBreakpoint(timing.DecisionTime);
        const double chunk = 2e-9;
        while (sim.Time < run.Stop)
        {
            sim.AdvanceTo(Math.Min(run.Stop, sim.Time + chunk));
            if (run.StopWhenResolved && reader.Resolved && sim.Time >= timing.DecisionTime) break;
        }
        return reader.Result();
    }

    /// <summary>
    /// The t = 0 operating point (SEN low). With SEN low the bit lines and the source line float on sub-threshold currents
    /// of femtoamperes, and Newton from all zeros fails for about one Monte Carlo read in a thousand. So Newton starts from
    /// the precharged state (Q and Qb at V_DD, every other node at V_DD/2); if that fails too, from the end of a
    /// pseudo-transient of the same circuit with SEN held low (ngspice's "optran" idea: the capacitances regularise Newton),
    /// run for 10 s, until the floating nodes have settled, whose end state is taken as the operating point. The solution
    /// becomes the transient's initial condition for every node, so the run starts exactly at this operating point.
    /// </summary>
    private static void SolvePrechargedOperatingPoint(MnaSystem system, string text, string? baseDirectory, double supply)
    {
        var guess = new double[system.UnknownCount];
        for (int i = 0; i < system.NodeCount; i++)
            guess[i] = system.VectorName(i) is "v(q)" or "v(qb)" ? supply : supply / 2;
        system.SetSolution(guess);
        try
        {
            OperatingPoint.Solve(system, useCurrentSolutionAsGuess: true);
        }
        catch (ConvergenceException)
        {
            // The settled pseudo-transient is the operating point (its nodes move by < 1e-9 V/s at the end).
            system.SetSolution(PseudoTransient(text, baseDirectory, system, guess));
        }
        for (int i = 0; i < system.NodeCount; i++)
            system.Circuit.InitialConditions[system.VectorName(i)[2..^1]] = system.Solution[i];
    }

    /// <summary>Node voltages after 10 s with SEN held at 0 V, started from <paramref name="guess"/> (same unknown order as <paramref name="like"/>).</summary>
    private static double[] PseudoTransient(string text, string? baseDirectory, MnaSystem like, double[] guess)
    {
        const double settle = 10; // s: the floating nodes' C/g is ~1 pF / 1 pS = 1 s
        string held = Regex.Replace(text, @"^VSEN\s+sen\s+0\s+PWL\(.*\)\s*$", "VSEN sen 0 0", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        var circuit = CircuitFactory.Build(NetlistParser.ParseText(held, "pcsa-settle.cir", baseDirectory));
        for (int i = 0; i < like.NodeCount; i++) circuit.InitialConditions[like.VectorName(i)[2..^1]] = guess[i];
        using var system = new MnaSystem(circuit);
        var sim = new TransientSimulation(system, settle / 50, settle, settle / 10);
        sim.Start(uic: true);
        sim.AdvanceTo(settle);
        var x = new double[like.UnknownCount];
        for (int i = 0; i < like.NodeCount; i++) x[i] = system.Voltage(like.VectorName(i)[2..^1]);
        return x;
    }

    /// <summary>The same read on ngspice (batch process); <paramref name="design"/>'s model file should hold ngspice cards.</summary>
    public static PcsaRead RunNgspice(PcsaDesign design, PcsaRun run, NgspiceBatch? ngspice = null) =>
        RunNgspiceText(PcsaNetlist.Write(design, run.Stop, run.SenseEnd), null, design, ngspice);

    public static PcsaRead RunNgspiceText(string text, string? baseDirectory, PcsaDesign timing, NgspiceBatch? ngspice = null)
    {
        var r = (ngspice ?? new NgspiceBatch()).RunNetlist(text, baseDirectory);
        var time = r.Time;
        var vq = r.Voltage("q");
        var vqb = r.Voltage("qb");
        var idd = r.Current("vdd");
        var reader = new PcsaWaveformReader(timing);
        for (int k = 0; k < time.Length; k++) reader.Add(time[k], vq[k], vqb[k], -timing.SupplyVoltage * idd[k]);
        return reader.Result();
    }
}
