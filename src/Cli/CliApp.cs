using System.CommandLine;
using System.Reflection;
using CircuitNeuro.Cli.Commands;

namespace CircuitNeuro.Cli;

/// <summary>
/// The circuitneuro command tree. Output goes to the writers passed in (not the global
/// Console) so tests can run verbs in-process and in parallel.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var io = new CliConsole(stdout, stderr);
        var root = BuildRoot(io);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        // No verb at all: show the help instead of a bare "required command" error, but still signal a usage error.
        if (args.Length == 0)
        {
            root.Parse(["--help"]).Invoke(config);
            return ExitCodes.Error;
        }
        var parsed = root.Parse(args);
        // Usage errors share exit code 2 with input errors: 1 is reserved for "engines disagree".
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) stderr.WriteLine($"circuitneuro: {e.Message}");
            stderr.WriteLine("Run 'circuitneuro --help' for usage.");
            return ExitCodes.Error;
        }
        return parsed.Invoke(config);
    }

    public static RootCommand BuildRoot(CliConsole io)
    {
        var root = new RootCommand(
            "CircuitNeuro: discrete-event circuit/device co-simulator for neuromorphic learning circuits.\n" +
            "Runs experiments (spiking crossbar inference, device pulse-programming studies, parameter sweeps with repeats), SPICE netlists on the built-in MNA engine, cross-checks against ngspice and crossbar benchmarks.\n" +
            "Exit codes: 0 success, 1 engines disagree beyond tolerance, 2 invalid input or failed simulation.");
        foreach (var option in root.Options)
            if (option is VersionOption version) version.Action = new PrintVersionAction(io);
        root.Subcommands.Add(RunCommand.Create(io));
        root.Subcommands.Add(SimulateCommand.Create(io));
        root.Subcommands.Add(IsingCommand.Create(io));
        root.Subcommands.Add(EpCommand.Create(io));
        root.Subcommands.Add(CompareCommand.Create(io));
        root.Subcommands.Add(BenchCommand.Create(io));
        root.Subcommands.Add(PulseStudyCommand.Create(io));
        root.Subcommands.Add(SweepCommand.Create(io));
        root.Subcommands.Add(EqSpikeCommand.Create(io));
        root.Subcommands.Add(PcsaCommand.Create(io));
        root.Subcommands.Add(VdspCommand.Create(io));
        return root;
    }

    /// <summary>Version of this program (the default action would report the test host's version when run in-process).</summary>
    public static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CliApp).Assembly.GetName().Version?.ToString() ?? "unknown";

    private sealed class PrintVersionAction(CliConsole io) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            io.Out.WriteLine($"circuitneuro {Version}");
            return ExitCodes.Ok;
        }
    }
}
