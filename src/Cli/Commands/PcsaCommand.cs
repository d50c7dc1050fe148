using System.CommandLine;
using CircuitNeuro.Circuits.Builders.Pcsa;
using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Cli.Experiments;

namespace CircuitNeuro.Cli.Commands;

/// <summary>
/// `pcsa delay|map|corners|supply|energy|compare`: the transistor-level precharge sense amplifier reading a 2T2R cell
/// (seed 000 chapter 4 and appendix C). Every experiment writes a checkpointed CSV (rerun with the same --out to resume).
/// </summary>
public static class PcsaCommand
{
    private sealed record Common(Option<string> Engine, Option<string?> ModelFile, Option<string?> Out, Option<double> Vdd, Option<double> Temp,
        Option<string> Cbl, Option<double> Window, Option<string> Variant, Option<int> Input, Option<ulong> Seed);

    public static Command Create(CliConsole io)
    {
        var pcsa = new Command("pcsa",
            "Transistor-level PCSA + 2T2R read (seed 000 ch. 4): ternary weights from the resolution time of a precharge sense amplifier. " +
            "Engines: ekv = built-in engine with netlists/models/ekv_thick130.mod, bsim4 = ngspice with netlists/models/bsim4_thick130.mod (same netlist).");
        pcsa.Subcommands.Add(Map(io));
        pcsa.Subcommands.Add(Delay(io));
        pcsa.Subcommands.Add(Corners(io));
        pcsa.Subcommands.Add(Supply(io));
        pcsa.Subcommands.Add(Energy(io));
        pcsa.Subcommands.Add(Compare(io));
        pcsa.Subcommands.Add(Errors(io));
        pcsa.Subcommands.Add(Network(io));
        return pcsa;
    }

    private static Common AddCommon(Command c, string name)
    {
        var common = new Common(
            new Option<string>("--engine") { Description = "ekv (built-in engine, EKV cards) or bsim4 (ngspice, BSIM4 cards).", DefaultValueFactory = _ => "ekv" },
            new Option<string?>("--model-file") { Description = "Model file with .model nthick/pthick cards (default: the engine's card in netlists/models/).", HelpName = "FILE" },
            new Option<string?>("--out", "-o") { Description = $"Output folder. Default: ./out/pcsa-{name}/", HelpName = "DIR" },
            new Option<double>("--vdd") { Description = "Supply voltage (V).", DefaultValueFactory = _ => 1.2 },
            new Option<double>("--temp") { Description = "Temperature (°C).", DefaultValueFactory = _ => 27 },
            new Option<string>("--cbl") { Description = "Effective bit-line capacitance (SPICE number, e.g. 1p).", DefaultValueFactory = _ => "1p" },
            new Option<double>("--window") { Description = "Sense window (ns).", DefaultValueFactory = _ => 50 },
            new Option<string>("--variant") { Description = "ternary (weight read) or xnor (XNOR with the input in the sense amplifier).", DefaultValueFactory = _ => "ternary" },
            new Option<int>("--input") { Description = "Binary input X of the xnor variant (+1 or -1).", DefaultValueFactory = _ => 1 },
            new Option<ulong>("--seed") { Description = "Root seed of the Monte Carlo streams.", DefaultValueFactory = _ => 1 });
        foreach (var o in new Option[] { common.Engine, common.ModelFile, common.Out, common.Vdd, common.Temp, common.Cbl, common.Window, common.Variant, common.Input, common.Seed })
            c.Options.Add(o);
        return common;
    }

    private static PcsaSetup Setup(ParseResult p, Common c, string name)
    {
        var engine = p.GetValue(c.Engine)!.ToLowerInvariant() switch
        {
            "ekv" => PcsaEngine.Ekv,
            "bsim4" => PcsaEngine.Bsim4,
            var e => throw new CliFailure($"--engine {e}: use ekv or bsim4"),
        };
        return Setup(p, c, name, engine, p.GetValue(c.ModelFile));
    }

    private static PcsaSetup Setup(ParseResult p, Common c, string name, PcsaEngine engine, string? modelFile)
    {
        var variant = p.GetValue(c.Variant)!.ToLowerInvariant() switch
        {
            "ternary" => PcsaVariant.Ternary,
            "xnor" => PcsaVariant.Xnor,
            var v => throw new CliFailure($"--variant {v}: use ternary or xnor"),
        };
        var design = new PcsaDesign
        {
            ModelFile = PcsaSetup.ModelFile(engine, modelFile),
            SupplyVoltage = p.GetValue(c.Vdd),
            TemperatureCelsius = p.GetValue(c.Temp),
            BitLineCapacitance = Number(p.GetValue(c.Cbl)!, "--cbl"),
            SenseWindow = p.GetValue(c.Window) * 1e-9,
            Variant = variant,
            XnorInput = p.GetValue(c.Input),
        };
        try { design.Validate(); }
        catch (ArgumentException ex) { throw new CliFailure(ex.Message); }
        return new PcsaSetup { Engine = engine, Design = design, OutDir = p.GetValue(c.Out) ?? Path.Combine("out", $"pcsa-{name}"), Seed = p.GetValue(c.Seed) };
    }

    private static double Number(string text, string option) =>
        NumberParser.TryParse(text, out double v) && v >= 0 ? v : throw new CliFailure($"{option} {text}: not a non-negative SPICE number");

    private static double[] Numbers(string text, string option) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => Number(t, option)).ToArray() is { Length: > 0 } a
            ? a : throw new CliFailure($"{option}: give at least one value");

    private static int Positive(int value, string option) => value > 0 ? value : throw new CliFailure($"{option} must be > 0 (got {value})");

    private static int Print(CliConsole io, IReadOnlyList<string> lines)
    {
        foreach (var line in lines) io.Out.WriteLine(line);
        return ExitCodes.Ok;
    }

    private static Command Map(CliConsole io)
    {
        var command = new Command("map", "Decision (+1/-1/0) at the end of the sense window over a log grid of (R_BL, R_BLb); writes map.csv and map.png.");
        var c = AddCommon(command, "map");
        var points = new Option<int>("--points") { Description = "Grid points per axis.", DefaultValueFactory = _ => 16 };
        var low = new Option<string>("--low") { Description = "Smallest resistance.", DefaultValueFactory = _ => "1k" };
        var high = new Option<string>("--high") { Description = "Largest resistance.", DefaultValueFactory = _ => "1meg" };
        command.Options.Add(points); command.Options.Add(low); command.Options.Add(high);
        command.SetAction(p => CliErrors.Guard(io, () => Print(io, PcsaMapExperiment.Run(Setup(p, c, "map"),
            Number(p.GetValue(low)!, "--low"), Number(p.GetValue(high)!, "--high"), Positive(p.GetValue(points), "--points"), io.Err))));
        return command;
    }

    private static Command Delay(CliConsole io)
    {
        var command = new Command("delay", "Resolution time of the PCSA against R_BL for several R_BLb (seed Figs. 4.3/4.4); writes delay.csv and delay.png.");
        var c = AddCommon(command, "delay");
        var rbl = new Option<string>("--r-bl") { Description = "R_BL values (comma separated).", DefaultValueFactory = _ => "1k,2k,5k,10k,20k,50k,100k,200k,320k,500k,1meg" };
        var rblb = new Option<string>("--r-blb") { Description = "R_BLb values (comma separated).", DefaultValueFactory = _ => "100k,350k,1meg" };
        var max = new Option<double>("--max-delay") { Description = "Longest simulated sense (ns).", DefaultValueFactory = _ => 2000 };
        command.Options.Add(rbl); command.Options.Add(rblb); command.Options.Add(max);
        command.SetAction(p => CliErrors.Guard(io, () => Print(io, PcsaDelayExperiments.Delay(Setup(p, c, "delay"),
            Numbers(p.GetValue(rbl)!, "--r-bl"), Numbers(p.GetValue(rblb)!, "--r-blb"), p.GetValue(max) * 1e-9, io.Err))));
        return command;
    }

    private static (Option<int> Samples, Option<double> Avt, Option<double> Global) MonteCarlo(Command command, int samples)
    {
        var s = new Option<int>("--samples") { Description = "Monte Carlo samples.", DefaultValueFactory = _ => samples };
        var avt = new Option<double>("--avt") { Description = "Pelgrom coefficient A_VT (mV·µm).", DefaultValueFactory = _ => 10 };
        var global = new Option<double>("--global-sigma") { Description = "σ of the global threshold shift per device type (mV).", DefaultValueFactory = _ => 15 };
        command.Options.Add(s); command.Options.Add(avt); command.Options.Add(global);
        return (s, avt, global);
    }

    private static PcsaMismatch Mismatch(ParseResult p, (Option<int> Samples, Option<double> Avt, Option<double> Global) mc) =>
        new() { Avt = p.GetValue(mc.Avt) * 1e-9, GlobalSigma = p.GetValue(mc.Global) * 1e-3 };

    private static Command Corners(CliConsole io)
    {
        var command = new Command("corners", "Frontier and decision map at 1.1 V/0 °C, 1.2 V/27 °C and 1.3 V/60 °C with Monte Carlo mismatch (seed Fig. 4.6); writes corners.csv, corner-maps.csv, corner-*.png.");
        var c = AddCommon(command, "corners");
        var mc = MonteCarlo(command, 20);
        var points = new Option<int>("--points") { Description = "Grid points per axis of the per-corner map (1 kΩ – 1 MΩ).", DefaultValueFactory = _ => 10 };
        command.Options.Add(points);
        command.SetAction(p => CliErrors.Guard(io, () => Print(io, PcsaCornersExperiment.Run(Setup(p, c, "corners"), Mismatch(p, mc),
            Positive(p.GetValue(mc.Samples), "--samples"), Positive(p.GetValue(points), "--points"), io.Err))));
        return command;
    }

    private static Command Supply(CliConsole io)
    {
        var command = new Command("supply", "Mean resolution time against the supply voltage with Monte Carlo mismatch; reports the ±0.1 V at 0.7 V ratios (seed S L1511). Writes supply.csv.");
        var c = AddCommon(command, "supply");
        var mc = MonteCarlo(command, 10);
        var supplies = new Option<string>("--supplies") { Description = "Supply voltages (comma separated).", DefaultValueFactory = _ => "0.6,0.7,0.8,1.1,1.2,1.3" };
        var rbl = new Option<string>("--r-bl") { Description = "R_BL.", DefaultValueFactory = _ => "5k" };
        var rblb = new Option<string>("--r-blb") { Description = "R_BLb.", DefaultValueFactory = _ => "350k" };
        var max = new Option<double>("--max-delay") { Description = "Longest simulated sense (ns).", DefaultValueFactory = _ => 20000 };
        command.Options.Add(supplies); command.Options.Add(rbl); command.Options.Add(rblb); command.Options.Add(max);
        command.SetAction(p => CliErrors.Guard(io, () =>
        {
            var setup = Setup(p, c, "supply");
            setup = setup with { Design = setup.Design with { BitLineResistance = Number(p.GetValue(rbl)!, "--r-bl"), BitLineBarResistance = Number(p.GetValue(rblb)!, "--r-blb") } };
            return Print(io, PcsaDelayExperiments.Supply(setup, Numbers(p.GetValue(supplies)!, "--supplies"), Mismatch(p, mc),
                Positive(p.GetValue(mc.Samples), "--samples"), p.GetValue(max) * 1e-9, io.Err));
        }));
        return command;
    }

    private static Command Energy(CliConsole io)
    {
        var command = new Command("energy", "Energy drawn from VDD per read cycle (sense + precharge) for LRS/HRS, HRS/LRS, HRS/HRS and LRS/LRS at the three corners; writes energy.csv.");
        var c = AddCommon(command, "energy");
        command.SetAction(p => CliErrors.Guard(io, () => Print(io, PcsaEnergyExperiment.Run(Setup(p, c, "energy"), io.Err))));
        return command;
    }

    private static Command Compare(CliConsole io)
    {
        var command = new Command("compare", "Same PCSA netlist on the built-in engine (EKV cards) and on ngspice (BSIM4 cards): delays of the seed's pairs and the frontier at each corner; writes compare.csv.");
        var c = AddCommon(command, "compare");
        var bsim = new Option<string?>("--bsim4-model-file") { Description = "ngspice model file (default netlists/models/bsim4_thick130.mod).", HelpName = "FILE" };
        var max = new Option<double>("--max-delay") { Description = "Longest simulated sense (ns).", DefaultValueFactory = _ => 400 };
        command.Options.Add(bsim); command.Options.Add(max);
        command.SetAction(p => CliErrors.Guard(io, () =>
        {
            var ekv = Setup(p, c, "compare", PcsaEngine.Ekv, p.GetValue(c.ModelFile));
            var reference = Setup(p, c, "compare", PcsaEngine.Bsim4, p.GetValue(bsim));
            return Print(io, PcsaCompareExperiment.Run(ekv, reference, p.GetValue(max) * 1e-9, io.Err));
        }));
        return command;
    }

    private static Command Network(CliConsole io)
    {
        var command = new Command("network", "Network-level effect of Table 4.2: a ternary network trained on Digits, every weight stored in a 2T2R pair (calibrated HfO2 model, Fig. 4.7 programming) and read by the typical-corner PCSA; writes network.csv.");
        var c = AddCommon(command, "network");
        var data = new Option<string>("--data") { Description = "Digits data set.", DefaultValueFactory = _ => "data/digits.csv.gz" };
        var hidden = new Option<int>("--hidden") { Description = "Hidden neurons.", DefaultValueFactory = _ => 64 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 60 };
        var trials = new Option<int>("--trials") { Description = "Independent programmings of the array per condition.", DefaultValueFactory = _ => 10 };
        command.Options.Add(data); command.Options.Add(hidden); command.Options.Add(epochs); command.Options.Add(trials);
        command.SetAction(p => CliErrors.Guard(io, () => Print(io, PcsaNetworkExperiment.Run(Setup(p, c, "network"), p.GetValue(data)!,
            Positive(p.GetValue(hidden), "--hidden"), Positive(p.GetValue(epochs), "--epochs"), Positive(p.GetValue(trials), "--trials"), io.Err))));
        return command;
    }

    private static PcsaCalibration Calibration(string value) => value.ToLowerInvariant() switch
    {
        "consistent" => PcsaCalibration.Consistent,
        "behavioural" or "behavioral" => PcsaCalibration.Behavioural,
        "transistor" => PcsaCalibration.Transistor,
        _ => throw new CliFailure($"--calibration {value}: use consistent, behavioural or transistor"),
    };

    private static Command Errors(CliConsole io)
    {
        var command = new Command("errors", "Ternary error rates of seed Table 4.2: HfO2 pairs programmed with the Fig. 4.7 conditions, read by the behavioural rule and by the transistor-level PCSA at each corner; writes errors.csv.");
        var c = AddCommon(command, "errors");
        var zero = new Option<int>("--zero-pairs") { Description = "Pairs programmed to 0.", DefaultValueFactory = _ => 4000 };
        var signed = new Option<int>("--signed-pairs") { Description = "Pairs programmed to each of +1 and -1.", DefaultValueFactory = _ => 1000 };
        var calibration = new Option<string>("--calibration")
        {
            Description = "Read rule the HfO2 RESET law is fitted to Table 4.2 through: consistent (each read with its own fit), behavioural (50 kOhm rule) or transistor (typical-corner PCSA).",
            DefaultValueFactory = _ => "consistent",
        };
        command.Options.Add(zero); command.Options.Add(signed); command.Options.Add(calibration);
        command.SetAction(p => CliErrors.Guard(io, () => Print(io, PcsaErrorRateExperiment.Run(Setup(p, c, "errors"), Calibration(p.GetValue(calibration)!),
            Positive(p.GetValue(zero), "--zero-pairs"), Positive(p.GetValue(signed), "--signed-pairs"), io.Err))));
        return command;
    }
}
