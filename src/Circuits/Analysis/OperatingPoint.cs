namespace CircuitNeuro.Circuits.Analysis;

/// <summary>
/// DC operating point: Newton from the junctions' initial guesses, then, if that fails, gmin
/// stepping (a shunt from every node to ground, lowered decade by decade) and source stepping
/// (all independent sources ramped from 0), as SPICE does. Failure of all three names the
/// unknown that would not settle.
/// </summary>
public static class OperatingPoint
{
    public static void Solve(MnaSystem system, bool useCurrentSolutionAsGuess = false)
    {
        var ctx = system.Context;
        ctx.Mode = AnalysisMode.OperatingPoint;
        ctx.SourceFactor = 1;
        ctx.Gmin = system.Options.Gmin;
        system.Gshunt = 0;
        int maxIt = system.Options.MaxIterationsDc;
        var start = system.Solution.ToArray();
        if (!useCurrentSolutionAsGuess) Array.Clear(start);

        system.SetSolution(start);
        if (system.Newton(maxIt, initJunctions: !useCurrentSolutionAsGuess, out string worst)) { Accept(system); return; }
        string direct = worst;

        system.SetSolution(start);
        if (GminStepping(system, maxIt)) { Accept(system); return; }

        system.SetSolution(start);
        if (SourceStepping(system, maxIt)) { Accept(system); return; }

        system.Gshunt = 0;
        ctx.SourceFactor = 1;
        throw new ConvergenceException(
            $"operating point did not converge (direct Newton, gmin stepping and source stepping all failed); worst unknown: {direct}",
            [direct]);
    }

    private static void Accept(MnaSystem system) => system.AcceptElements();

    private static bool GminStepping(MnaSystem system, int maxIt)
    {
        double g = 1e-2;
        bool first = true;
        while (g > system.Options.Gmin)
        {
            system.Gshunt = g;
            if (!system.Newton(maxIt, initJunctions: first, out _)) { system.Gshunt = 0; return false; }
            first = false;
            g /= 10;
        }
        system.Gshunt = 0;
        return system.Newton(maxIt, false, out _);
    }

    private static bool SourceStepping(MnaSystem system, int maxIt)
    {
        var ctx = system.Context;
        double factor = 0, step = 0.1;
        var good = system.Solution.ToArray();
        bool first = true;
        while (factor < 1)
        {
            double next = Math.Min(1, factor + step);
            ctx.SourceFactor = next;
            if (system.Newton(maxIt, initJunctions: first, out _))
            {
                first = false;
                factor = next;
                good = system.Solution.ToArray();
                step = Math.Min(step * 2, 0.5);
            }
            else
            {
                system.SetSolution(good);
                step /= 4;
                if (step < 1e-6) { ctx.SourceFactor = 1; return false; }
            }
        }
        return true;
    }
}
