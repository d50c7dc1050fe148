using CircuitNeuro.Circuits.Solver;

namespace CircuitNeuro.Circuits.Analysis;

public enum AnalysisMode { OperatingPoint, Transient }

/// <summary>What an element sees while it stamps: the present Newton iterate and the analysis state.</summary>
public sealed class LoadContext
{
    internal LoadContext(MnaMatrix matrix, double[] rhs, double[] solution, SimulationOptions options, Integrator integrator)
    {
        Matrix = matrix;
        Rhs = rhs;
        Solution = solution;
        Options = options;
        Integrator = integrator;
        Gmin = options.Gmin;
    }

    public MnaMatrix Matrix { get; }
    public double[] Rhs { get; }
    /// <summary>Present iterate (node voltages, then branch currents and internal nodes).</summary>
    public double[] Solution { get; internal set; }
    public SimulationOptions Options { get; }
    public Integrator Integrator { get; }
    public AnalysisMode Mode { get; internal set; }
    public double Time { get; internal set; }
    /// <summary>
    /// Sources follow their waveforms at <see cref="Time"/>: during a transient and its initial
    /// operating point (ngspice uses the time-0 waveform value there, the DC value only for .op and .dc).
    /// </summary>
    public bool UseWaveforms { get; internal set; }
    /// <summary>The transient starts from initial conditions instead of an operating point.</summary>
    public bool Uic { get; internal set; }
    /// <summary>Scale of every independent source, below 1 during source stepping.</summary>
    public double SourceFactor { get; internal set; } = 1;
    /// <summary>Junction conductance in use: raised during gmin stepping.</summary>
    public double Gmin { get; internal set; }
    /// <summary>First iteration of an operating point: junctions start at their SPICE initial guesses.</summary>
    public bool InitJunctions { get; internal set; }
    /// <summary>Cleared by a device that had to limit its junction voltages this iteration.</summary>
    public bool DevicesConverged { get; set; } = true;
    /// <summary>Set by an element's timestep suggestion when the trial step is a short step across its own abrupt
    /// change (a switch closing): the truncation-error test is skipped for it and, once accepted, integration
    /// restarts at first order with a small step, as after a breakpoint.</summary>
    public bool StepCrossesDiscontinuity { get; set; }
    /// <summary>Thermal voltage kT/q at the circuit temperature.</summary>
    public double ThermalVoltage => Physics.ThermalVoltage(Options.Temperature);

    public double V(int index) => index < 0 ? 0.0 : Solution[index];

    public void AddRhs(int index, double value)
    {
        if (index >= 0) Rhs[index] += value;
    }

    public void Add(int slot, double value) => Matrix.Values[slot] += value;
}
