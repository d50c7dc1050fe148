using CircuitNeuro.Circuits.Results;

namespace CircuitNeuro.Circuits.Analysis;

/// <summary>
/// Transient analysis as a stepper that can be advanced to any time exactly, so an event
/// scheduler can drive it: each target time and every source corner is a breakpoint the step
/// lands on. Step control: Newton failure divides the step by 8; the local truncation error of
/// every charge and flux decides acceptance and the next step (at most ×2 per step).
/// </summary>
public sealed class TransientSimulation
{
    private readonly MnaSystem _system;
    private readonly List<ReactiveState> _states;
    private readonly SortedSet<double> _breakpoints = new();
    private readonly double _minStep;
    private double _nextStep;
    private bool _afterBreakpoint = true;
    private double[] _saved;

    public TransientSimulation(MnaSystem system, double step, double stop, double maxStep = double.NaN)
    {
        if (!(step > 0) || !(stop > 0)) throw new CircuitException(null, $"transient needs step > 0 and stop > 0 (got step={step}, stop={stop})");
        _system = system;
        Step = step;
        Stop = stop;
        MaxStep = double.IsNaN(maxStep) || maxStep <= 0 ? Math.Min(step, stop / 50) : maxStep;
        _minStep = 1e-13 * Math.Max(stop, MaxStep);
        _states = system.Circuit.Elements.SelectMany(e => e.States).ToList();
        _saved = new double[system.UnknownCount];
        Energy = new EnergyLedger(system.Circuit.Elements);
    }

    public double Step { get; }
    public double Stop { get; }
    public double MaxStep { get; }
    public double Time { get; private set; }
    public int AcceptedPoints { get; private set; }
    public int RejectedPoints { get; private set; }
    public EnergyLedger Energy { get; }
    public MnaSystem System => _system;

    /// <summary>Raised after every accepted time point (including t = 0).</summary>
    public event Action<TransientSimulation>? PointAccepted;

    public void AddBreakpoint(double t)
    {
        if (t > Time) _breakpoints.Add(t);
    }

    /// <summary>Operating point at t = 0 (or the initial conditions with <paramref name="uic"/>), then flat charge histories.</summary>
    public void Start(bool uic = false)
    {
        var ctx = _system.Context;
        foreach (var e in _system.Circuit.Elements) e.BindTransient(Step, Stop);
        var corners = new List<double>();
        foreach (var e in _system.Circuit.Elements) e.CollectBreakpoints(0, Stop, corners);
        foreach (var t in corners) _breakpoints.Add(t);

        Time = 0;
        ctx.Time = 0;
        ctx.UseWaveforms = true;
        ctx.Uic = uic;
        if (uic)
        {
            var x = new double[_system.UnknownCount];
            foreach (var (node, v) in _system.Circuit.InitialConditions)
                if (_system.NodeIndex(node) is int i and >= 0) x[i] = v;
            _system.SetSolution(x);
        }
        else OperatingPoint.Solve(_system);

        ctx.Mode = AnalysisMode.Transient;
        _system.Integrator.Reset(0);
        _system.Integrator.BeginStateInitialization();
        _system.Load();
        _system.Integrator.EndStateInitialization();
        ctx.Uic = false;

        double firstGap = _breakpoints.Count > 0 ? _breakpoints.Min : Stop;
        _nextStep = 0.1 * Math.Min(Math.Min(Step, Stop / 50), Math.Min(MaxStep, firstGap));
        _afterBreakpoint = true;
        Energy.Record(ctx, 0);
        AcceptedPoints = 1;
        PointAccepted?.Invoke(this);
    }

    /// <summary>Integrates to exactly <paramref name="target"/>.</summary>
    public void AdvanceTo(double target)
    {
        if (target <= Time) return;
        AddBreakpoint(target);
        var ctx = _system.Context;
        var integrator = _system.Integrator;
        while (Time < target)
        {
            double bp = NextBreakpoint();
            double h = Math.Min(_nextStep, MaxStep);
            bool landsOnBreakpoint = false;
            if (Time + h >= bp - _minStep) { h = bp - Time; landsOnBreakpoint = true; }
            else if (Time + 2 * h > bp) h = (bp - Time) / 2; // no sliver of a step just before a corner

            integrator.Prepare(Time + h, forceFirstOrder: _afterBreakpoint);
            ctx.Time = Time + h;
            Array.Copy(_system.Solution, _saved, _saved.Length);
            if (!_system.Newton(_system.Options.MaxIterationsTran, false, out string worst))
            {
                Reject(h / 8, $"Newton did not converge at t = {Time + h:G6} s; worst unknown: {worst}");
                continue;
            }
            double hTruncation = TruncationStep();
            if (hTruncation < 0.9 * h && h > _minStep)
            {
                Reject(Math.Max(hTruncation, h / 8), $"local truncation error too large at t = {Time + h:G6} s");
                continue;
            }
            AcceptPoint(h, landsOnBreakpoint, hTruncation);
        }
    }

    private double NextBreakpoint()
    {
        while (_breakpoints.Count > 0 && _breakpoints.Min <= Time + _minStep) _breakpoints.Remove(_breakpoints.Min);
        return _breakpoints.Count > 0 ? _breakpoints.Min : double.PositiveInfinity;
    }

    private double TruncationStep()
    {
        double h = double.PositiveInfinity;
        _system.Context.StepCrossesDiscontinuity = false;
        foreach (var e in _system.Circuit.Elements) h = Math.Min(h, e.SuggestTimestep(_system.Context));
        if (_system.Context.StepCrossesDiscontinuity) return h; // the derivatives jump inside this short step by design
        foreach (var s in _states) h = Math.Min(h, _system.Integrator.TruncationStep(s, _system.Options));
        return h;
    }

    /// <summary>
    /// Tells the integrator that a source changed discontinuously at the present time (an event
    /// handler set a new value): the next step restarts at first order with a small step, as after a breakpoint.
    /// </summary>
    public void NotifyDiscontinuity()
    {
        _afterBreakpoint = true;
        double gap = NextBreakpoint() - Time;
        _nextStep = Math.Max(Math.Min(_nextStep, 0.1 * Math.Min(MaxStep, gap)), 10 * _minStep);
    }

    private void Reject(double newStep, string reason)
    {
        _system.SetSolution(_saved);
        RejectedPoints++;
        _nextStep = newStep;
        if (_nextStep < _minStep)
            throw new ConvergenceException($"timestep too small ({_nextStep:G3} s): {reason}", [reason]);
    }

    private void AcceptPoint(double h, bool landedOnBreakpoint, double hTruncation)
    {
        Time += h;
        _system.Integrator.Accept();
        foreach (var s in _states) s.Accept();
        _system.AcceptElements();
        AcceptedPoints++;
        _nextStep = Math.Min(2 * h, hTruncation);
        _afterBreakpoint = landedOnBreakpoint;
        if (landedOnBreakpoint)
        {
            double gap = NextBreakpoint() - Time;
            _nextStep = Math.Min(_nextStep, 0.1 * Math.Min(Math.Max(h, MaxStep * 1e-3), gap));
            _nextStep = Math.Max(_nextStep, 10 * _minStep);
        }
        if (_system.Context.StepCrossesDiscontinuity) NotifyDiscontinuity();
        if (_system.Context.StepCrossesDiscontinuity) NotifyDiscontinuity();
        Energy.Record(_system.Context, Time);
        PointAccepted?.Invoke(this);
    }
}
