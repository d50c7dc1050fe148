using System.CommandLine;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`bench`: groups the benchmarks (only `bench crossbar` so far).</summary>
public static class BenchCommand
{
    public static Command Create(CliConsole io) =>
        new("bench", "Benchmarks of the built-in engine against ngspice.")
        {
            BenchCrossbarCommand.Create(io),
        };
}
