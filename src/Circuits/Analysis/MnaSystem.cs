using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.Circuits.Solver;

namespace CircuitNeuro.Circuits.Analysis;

/// <summary>
/// The laid-out MNA system of a circuit: unknowns (node voltages, then branch currents and
/// internal nodes), the frozen sparse pattern, the LU solver, and Newton–Raphson on top.
/// One symbolic analysis serves every later solve of this system.
/// </summary>
public sealed class MnaSystem : IDisposable
{
    private readonly List<string> _unknownNames = new();
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly int[] _diagonal;
    private double[] _next;
    private readonly double[] _correction;
    private readonly ILinearSolver _solver;

    public MnaSystem(Circuit circuit, SimulationOptions? options = null)
    {
        Circuit = circuit;
        Options = options ?? circuit.Options;
        if (circuit.Elements.Count == 0) throw new CircuitException(null, "the circuit has no elements");
        foreach (var node in circuit.NodeNames())
        {
            _nodeIndex[node] = _unknownNames.Count;
            _unknownNames.Add(node);
        }
        NodeCount = _unknownNames.Count;
        Matrix = new MnaMatrix(NodeCount);
        var setup = new SetupContext(circuit, Matrix, _unknownNames, _nodeIndex);
        foreach (var e in circuit.Elements)
            e.NodeIndex = e.Nodes.Select(setup.Node).ToArray();
        foreach (var e in circuit.Elements) e.AllocateUnknowns(setup);
        foreach (var e in circuit.Elements) e.RegisterSlots(setup);
        Matrix.Freeze();
        _diagonal = Enumerable.Range(0, NodeCount).Select(i => Matrix.Slot(i, i)).ToArray();

        Solution = new double[Matrix.Size];
        _next = new double[Matrix.Size];
        _correction = new double[Matrix.Size];
        Integrator = new Integrator(Options.Method);
        Context = new LoadContext(Matrix, new double[Matrix.Size], Solution, Options, Integrator);
        IsLinear = circuit.Elements.All(e => !e.IsNonlinear);
        _solver = LinearSolverFactory.Create(Matrix);
    }

    public Circuit Circuit { get; }
    public SimulationOptions Options { get; }
    public MnaMatrix Matrix { get; }
    public LoadContext Context { get; }
    public Integrator Integrator { get; }
    public int NodeCount { get; }
    public int UnknownCount => Matrix.Size;
    public bool IsLinear { get; }
    public IReadOnlyList<string> UnknownNames => _unknownNames;

    /// <summary>Present solution: node voltages at [0, NodeCount), then the other unknowns.</summary>
    public double[] Solution { get; private set; }

    /// <summary>Extra conductance from every node to ground, used by gmin stepping.</summary>
    internal double Gshunt { get; set; }

    /// <summary>First element that limited its step or changed state in the last load (it keeps Newton from converging).</summary>
    public string? UnsettledElement { get; private set; }

    /// <summary>Newton iterations of the last <see cref="Newton"/> call (diagnostics, benchmarks).</summary>
    public int LastIterations { get; private set; }

    public int NodeIndex(string node) =>
        Circuit.IsGround(node) ? -1
        : _nodeIndex.TryGetValue(node, out int i) ? i
        : throw new CircuitException(null, $"node '{node}' is not in the circuit");

    public double Voltage(string node) => NodeIndex(node) is int i and >= 0 ? Solution[i] : 0;

    /// <summary>SPICE-style vector name of an unknown: v(node) or i(element).</summary>
    public string VectorName(int unknown) =>
        unknown < NodeCount || _unknownNames[unknown].Contains('#') ? $"v({_unknownNames[unknown]})" : _unknownNames[unknown];

    internal void Load()
    {
        Matrix.Clear();
        Array.Clear(Context.Rhs);
        Context.DevicesConverged = true;
        UnsettledElement = null;
        foreach (var e in Circuit.Elements)
        {
            e.Load(Context);
            if (!Context.DevicesConverged && UnsettledElement is null) UnsettledElement = e.Name;
        }
        if (Gshunt > 0)
            foreach (int slot in _diagonal) Matrix.Values[slot] += Gshunt;
    }

    /// <summary>Loads, factors and solves once; the result goes to <paramref name="x"/>.</summary>
    internal void SolveLinearized(double[] x)
    {
        Load();
        try
        {
            _solver.Factor(Matrix);
        }
        catch (SingularMatrixException ex)
        {
            throw Singular(ex.Unknown);
        }
        Array.Copy(Context.Rhs, x, x.Length);
        _solver.Solve(x);
        // One step of iterative refinement: near convergence the direct solution's round-off
        // (condition × eps, easily 1e-12 with gmin-sized and ohm-sized conductances together)
        // would otherwise keep Newton from meeting tight tolerances.
        Matrix.Residual(Context.Rhs, x, _correction);
        _solver.Solve(_correction);
        for (int i = 0; i < x.Length; i++) x[i] += _correction[i];
        for (int i = 0; i < x.Length; i++)
            if (!double.IsFinite(x[i])) throw Singular(i);
    }

    private SingularCircuitException Singular(int unknown)
    {
        if (unknown < 0 || unknown >= _unknownNames.Count)
            return new SingularCircuitException("?", "singular circuit matrix (no single culprit found): look for floating nodes, loops of voltage sources or inductors, or cut sets of current sources");
        string name = _unknownNames[unknown];
        string why = unknown < NodeCount
            ? $"node '{name}' has no DC path to ground (only capacitors, current sources or open devices reach it)"
            : $"branch '{name}' is in a loop of voltage sources or inductors, or its control is undefined";
        return new SingularCircuitException(name, $"singular circuit matrix: {why}");
    }

    /// <summary>
    /// Newton–Raphson from the present solution. Converged when every unknown moves less than
    /// reltol·|x| + vntol (nodes) or + abstol (currents) and no device limited its step.
    /// A linear circuit is solved exactly by the first iteration.
    /// </summary>
    public bool Newton(int maxIterations, bool initJunctions, out string worst)
    {
        Context.InitJunctions = initJunctions;
        worst = "";
        for (int it = 1; it <= maxIterations; it++)
        {
            bool firstGuess = Context.InitJunctions;
            SolveLinearized(_next);
            bool converged = Converged(_next, Solution, out worst);
            if (UnsettledElement is not null) worst += $"; element '{UnsettledElement}' has not settled (limiting or switching)";
            (Solution, _next) = (_next, Solution);
            Context.Solution = Solution;
            Context.InitJunctions = false;
            LastIterations = it;
            if (IsLinear || (converged && Context.DevicesConverged && !firstGuess && it > 1))
            {
                // Charges were integrated at the iterate the matrix was loaded at; re-evaluate
                // them at the solution so the accepted history is the solved one.
                if (Context.Mode == AnalysisMode.Transient) Load();
                return true;
            }
        }
        return false;
    }

    private bool Converged(double[] x, double[] old, out string worst)
    {
        bool ok = true;
        double worstRatio = 0;
        int worstIndex = -1;
        for (int i = 0; i < x.Length; i++)
        {
            double tol = Options.RelTol * Math.Max(Math.Abs(x[i]), Math.Abs(old[i])) + (i < NodeCount ? Options.VnTol : Options.AbsTol);
            double ratio = Math.Abs(x[i] - old[i]) / tol;
            if (!(ratio <= 1)) ok = false;
            if (!(ratio <= worstRatio)) { worstRatio = ratio; worstIndex = i; }
        }
        worst = worstIndex < 0 ? "" : $"{VectorName(worstIndex)} (last change {Math.Abs(x[worstIndex] - old[worstIndex]):G3}, {worstRatio:G3}× its tolerance)";
        return ok;
    }

    /// <summary>Replaces the solution (initial guess, restored state).</summary>
    public void SetSolution(ReadOnlySpan<double> x)
    {
        if (x.Length != Solution.Length) throw new ArgumentException("solution size mismatch");
        x.CopyTo(Solution);
    }

    /// <summary>Tells every element the present solution is accepted (switch states and similar).</summary>
    internal void AcceptElements()
    {
        foreach (var e in Circuit.Elements) e.Accept(Context);
    }

    public void Dispose() => _solver.Dispose();
}
