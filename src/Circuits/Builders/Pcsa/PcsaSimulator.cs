using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Ngspice;

namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>Runs one PCSA read on our engine (EKV cards) or on ngspice (BSIM4 cards) from the same netlist text.</summary>
public static class PcsaSimulator
{
    /// <summary>Largest time step of our engine (s): the truncation-error control takes smaller ones on the edges.</summary>
    public const double MaxStep = 0.5e-9;

    public static PcsaRead Run(PcsaDesign design, PcsaRun run)
    {
        string text = PcsaNetlist.Write(design, run.Stop, run.SenseEnd);
        var circuit = CircuitFactory.Build(NetlistParser.ParseText(text, "pcsa.cir"));
        using var system = new MnaSystem(circuit);
        int q = system.NodeIndex("q"), qb = system.NodeIndex("qb"), idd = Array.IndexOf(system.UnknownNames.ToArray(), "i(vdd)");
        if (idd < 0) throw new InvalidOperationException("no branch current for VDD in the PCSA netlist");
        var reader = new PcsaWaveformReader(design);
        var sim = new TransientSimulation(system, MaxStep, run.Stop, MaxStep);
        sim.PointAccepted += s => reader.Add(s.Time, system.Solution[q], system.Solution[qb], -design.SupplyVoltage * system.Solution[idd]);
        sim.Start();
        sim.AddBreakpoint(design.DecisionTime);
        const double chunk = 2e-9;
        while (sim.Time < run.Stop)
        {
            sim.AdvanceTo(Math.Min(run.Stop, sim.Time + chunk));
            if (run.StopWhenResolved && reader.Resolved && sim.Time >= design.DecisionTime) break;
        }
        return reader.Result();
    }

    /// <summary>The same read on ngspice (batch process); <paramref name="design"/>'s model file should hold ngspice cards.</summary>
    public static PcsaRead RunNgspice(PcsaDesign design, PcsaRun run, NgspiceBatch? ngspice = null)
    {
        string text = PcsaNetlist.Write(design, run.Stop, run.SenseEnd);
        var r = (ngspice ?? new NgspiceBatch()).RunNetlist(text);
        var time = r.Time;
        var vq = r.Voltage("q");
        var vqb = r.Voltage("qb");
        var idd = r.Current("vdd");
        var reader = new PcsaWaveformReader(design);
        for (int k = 0; k < time.Length; k++) reader.Add(time[k], vq[k], vqb[k], -design.SupplyVoltage * idd[k]);
        return reader.Result();
    }
}
