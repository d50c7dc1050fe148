using CircuitNeuro.Circuits;
using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// A layered resistive EP network laid out in a <see cref="Circuit"/> (Kendall et al. 2020, Fig. 1; notes seed-003 §4).
/// Node names: inputs "x{i}p"/"x{i}n" (sources "vx{i}p"/"vx{i}n" at ±s·x), bias rail "bias" (source "vbias"),
/// hidden "h{k}_{j}" with clamp diodes "dup{k}_{j}" (h → upper rail) and "ddn{k}_{j}" (lower rail → h),
/// amplifier output "a{k}_{j}" (VCVS "ea{k}_{j}" forward, CCCS "fa{k}_{j}" backward),
/// outputs "o{c}p"/"o{c}n" with nudging current sources "inudge{c}p"/"inudge{c}n" (ground → output),
/// weights "g{l}_{i}_{j}" from sender i of layer l to receiver j of layer l + 1 (the bias is the last sender).
/// </summary>
public sealed class ResistiveEpCircuit
{
    private readonly List<Resistor> _weights = new();
    private readonly List<int> _weightLayer = new();

    private ResistiveEpCircuit(ResistiveEpSpec spec, Circuit circuit)
    {
        Spec = spec;
        Circuit = circuit;
    }

    public ResistiveEpSpec Spec { get; }
    public Circuit Circuit { get; }
    public IReadOnlyList<Resistor> Weights => _weights;
    /// <summary>Weight layer of every weight (0: inputs → first layer after them).</summary>
    public IReadOnlyList<int> WeightLayer => _weightLayer;
    public VoltageSource[] InputPlus { get; private set; } = [];
    public VoltageSource[] InputMinus { get; private set; } = [];
    public CurrentSource[] NudgePlus { get; private set; } = [];
    public CurrentSource[] NudgeMinus { get; private set; } = [];
    public string[] OutputPlusNodes { get; private set; } = [];
    public string[] OutputMinusNodes { get; private set; } = [];
    /// <summary>Hidden node names, layer by layer.</summary>
    public string[][] HiddenNodes { get; private set; } = [];

    public static string HiddenNode(int layer, int j) => $"h{layer}_{j}";
    public static string AmplifiedNode(int layer, int j) => $"a{layer}_{j}";

    /// <summary>Builds the network with initial conductances drawn from <paramref name="random"/>.</summary>
    public static ResistiveEpCircuit Build(ResistiveEpSpec spec, RandomStream random)
    {
        spec.Validate();
        var c = new Circuit($"resistive EP {spec.Inputs}-{string.Join("-", spec.Hidden)}-{spec.Outputs}");
        var net = new ResistiveEpCircuit(spec, c);
        c.Add(new VoltageSource("vbias", "bias", "0", spec.BiasVoltage));

        net.InputPlus = new VoltageSource[spec.Inputs];
        net.InputMinus = new VoltageSource[spec.Inputs];
        var senders = new List<string>();
        for (int i = 0; i < spec.Inputs; i++)
        {
            net.InputPlus[i] = c.Add(new VoltageSource($"vx{i}p", $"x{i}p", "0", 0));
            net.InputMinus[i] = c.Add(new VoltageSource($"vx{i}n", $"x{i}n", "0", 0));
            senders.Add($"x{i}p");
            senders.Add($"x{i}n");
        }

        string upper = spec.DiodeClamps ? Rail(c, "vclampup", "clampup", spec.UpperClampRail) : "0";
        string lower = spec.DiodeClamps ? Rail(c, "vclampdn", "clampdn", spec.LowerClampRail) : "0";
        net.HiddenNodes = new string[spec.Hidden.Length][];
        for (int k = 0; k < spec.Hidden.Length; k++)
        {
            var receivers = Enumerable.Range(0, spec.Hidden[k]).Select(j => HiddenNode(k, j)).ToArray();
            net.HiddenNodes[k] = receivers;
            net.Connect(k, senders, receivers, random);
            senders = new List<string>();
            for (int j = 0; j < receivers.Length; j++)
            {
                string h = receivers[j], a = AmplifiedNode(k, j);
                // Clamp pair: conducts above the upper rail + knee or below the lower rail − knee (a soft clip).
                if (spec.DiodeClamps)
                {
                    c.Add(new Diode($"dup{k}_{j}", h, upper, spec.Diode));
                    c.Add(new Diode($"ddn{k}_{j}", lower, h, spec.Diode));
                }
                // Transformer-like amplifier: V(a) = A·V(h) forward; h gives up B × the current a delivers.
                c.Add(new Vcvs($"ea{k}_{j}", a, "0", h, "0", spec.AmplifierGain));
                c.Add(new Cccs($"fa{k}_{j}", h, "0", $"ea{k}_{j}", -spec.Backward));
                senders.Add(a);
            }
        }

        net.OutputPlusNodes = Enumerable.Range(0, spec.Outputs).Select(o => $"o{o}p").ToArray();
        net.OutputMinusNodes = Enumerable.Range(0, spec.Outputs).Select(o => $"o{o}n").ToArray();
        var outputs = new List<string>();
        for (int o = 0; o < spec.Outputs; o++) { outputs.Add(net.OutputPlusNodes[o]); outputs.Add(net.OutputMinusNodes[o]); }
        net.Connect(spec.Hidden.Length, senders, outputs, random);
        net.NudgePlus = net.OutputPlusNodes.Select(n => c.Add(new CurrentSource($"inudge{n[1..]}", "0", n, 0))).ToArray();
        net.NudgeMinus = net.OutputMinusNodes.Select(n => c.Add(new CurrentSource($"inudge{n[1..]}", "0", n, 0))).ToArray();
        return net;
    }

    /// <summary>All-to-all conductances from the senders and the bias rail to the receivers.</summary>
    private void Connect(int layer, List<string> senders, IReadOnlyList<string> receivers, RandomStream random)
    {
        double scale = Spec.InitialLayerScale?[layer] ?? 1;
        var from = senders.Append("bias").ToArray();
        for (int i = 0; i < from.Length; i++)
            for (int j = 0; j < receivers.Count; j++)
            {
                double g = scale * random.Uniform(Spec.InitialLow, Spec.InitialHigh);
                g = Math.Clamp(g, Spec.ConductanceMin, Spec.ConductanceMax);
                _weights.Add(Circuit.Add(new Resistor($"g{layer}_{i}_{j}", from[i], receivers[j], 1 / g)));
                _weightLayer.Add(layer);
            }
    }

    private static string Rail(Circuit c, string source, string node, double volts)
    {
        if (volts == 0) return "0";
        c.Add(new VoltageSource(source, node, "0", volts));
        return node;
    }

    /// <summary>Current conductances, in weight order.</summary>
    public double[] Conductances() => _weights.Select(w => w.Conductance).ToArray();

    /// <summary>
    /// Sets conductances, clipped to the spec's window unless <paramref name="clip"/> is false (devices with their own
    /// drawn windows, which have already bounded the values).
    /// </summary>
    public void SetConductances(ReadOnlySpan<double> g, bool clip = true)
    {
        if (g.Length != _weights.Count) throw new ArgumentException("conductance count mismatch");
        for (int i = 0; i < g.Length; i++) _weights[i].Conductance = clip ? Math.Clamp(g[i], Spec.ConductanceMin, Spec.ConductanceMax) : g[i];
    }

    /// <summary>Drives input feature x[i] as +s·x and −s·x.</summary>
    public void SetInput(ReadOnlySpan<double> x)
    {
        if (x.Length != Spec.Inputs) throw new ArgumentException($"expected {Spec.Inputs} inputs, got {x.Length}");
        for (int i = 0; i < x.Length; i++)
        {
            InputPlus[i].DcValue = Spec.InputScale * x[i];
            InputMinus[i].DcValue = -Spec.InputScale * x[i];
        }
    }

    /// <summary>Injects current I_c into V⁺_c and −I_c into V⁻_c (the nudge of the doubled output c).</summary>
    public void SetNudge(ReadOnlySpan<double> currents)
    {
        for (int o = 0; o < Spec.Outputs; o++)
        {
            double i = currents.IsEmpty ? 0 : currents[o];
            NudgePlus[o].DcValue = i;
            NudgeMinus[o].DcValue = -i;
        }
    }
}
