using System.CommandLine;
using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.Cli.Plots;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`pulse-study`: a device population programmed by a pulse train, with conductance statistics and energy per pulse.</summary>
public static class PulseStudyCommand
{
    public static Command Create(CliConsole io)
    {
        var file = new Argument<string?>("experiment")
        {
            Description = "Pulse-study file (YAML or JSON). Without it the built-in default runs (see --print-default).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder. Default: ./out/<study name>/", HelpName = "DIR" };
        var devices = new Option<int?>("--devices") { Description = "Number of devices (overrides devices.count).", HelpName = "N" };
        var printDefault = new Option<bool>("--print-default") { Description = "Print the built-in default study as YAML and exit (a starting point for your own file)." };
        var command = new Command("pulse-study",
            "Program a population of memristors (threshold, vteam, yakopcic or vdsp model) with device-to-device variability and " +
            "cycle-to-cycle noise by a train of identical pulses (rectangular, triangular or pwl); report per pulse the conductance " +
            "across devices (mean, std, 5/50/95 % quantiles) and the energy per pulse. Writes pulses.csv, pulses.json, devices.csv, summary.json, " +
            "config.json, conductance.png and energy.png.")
        {
            file, outDir, devices, printDefault,
        };
        command.SetAction(parse => CliErrors.Guard(io, () =>
            parse.GetValue(printDefault)
                ? PrintDefault(io)
                : Run(io, parse.GetValue(file), parse.GetValue(outDir), parse.GetValue(devices))));
        return command;
    }

    private static int PrintDefault(CliConsole io)
    {
        io.Out.Write(PulseStudyFile.ToYaml(new PulseStudyConfig()));
        return ExitCodes.Ok;
    }

    public static int Run(CliConsole io, string? file, string? outDir, int? devices)
    {
        var cfg = file is null ? new PulseStudyConfig() : PulseStudyFile.Load(file);
        if (devices is int n) cfg.Devices.Count = n;
        string dir = outDir ?? Path.Combine("out", cfg.Name);
        io.Err.WriteLine($"pulse-study: {(file is null ? "built-in default study" : file)} '{cfg.Name}': {cfg.Devices.Count} devices × {cfg.Pulse.Count} pulses -> {dir}");
        var result = PulseStudy.Run(cfg);
        PulseStudyPlot.Write(result, dir);
        result.Write(dir);
        io.Out.Write(result.Summary().Report());
        io.Out.WriteLine($"Results: {Path.GetFullPath(dir)}");
        return ExitCodes.Ok;
    }
}
