using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// A VDSP-type rule: the weight change of one synapse when its postsynaptic neuron spikes, from the
/// presynaptic membrane potential at that instant and the current weight (notes 003 §2.2).
/// </summary>
public interface IVoltagePlasticityRule
{
    /// <summary>Δw for weight <paramref name="w"/> ∈ [0, 1] and presynaptic potential <paramref name="vPre"/> (before clipping to [0, 1]).</summary>
    double Delta(double w, double vPre);

    /// <summary>Energy (J) drawn by the device of weight <paramref name="w"/> during the programming pulse for <paramref name="vPre"/>; 0 when the rule has no device.</summary>
    double PulseEnergy(double w, double vPre, double delta);

    /// <summary>Forward-pass weight (conductance as a fraction of G_max) of a synapse in state <paramref name="w"/>.</summary>
    double ForwardWeight(double w);
}

/// <summary>
/// The baseline VDSP rule of Garg et al. 2022 (notes 003 §2.2, `fun_post_baseline`):
/// V &lt; 0: Δw = +η(1 − w)(e^{−V} − 1) (potentiation); V &gt; 0: Δw = −η·w·(e^{V} − 1) (depression); V = 0: 0.
/// The factors (1 − w) and w are the weight regularisation; the sign flips at V = 0.
/// </summary>
public sealed class IdealVdspRule(double learningRate) : IVoltagePlasticityRule
{
    public double LearningRate { get; } = learningRate >= 0 && double.IsFinite(learningRate)
        ? learningRate : throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "VDSP learning rate must be finite and ≥ 0");

    public double Delta(double w, double vPre)
    {
        if (vPre < 0) return LearningRate * (1 - w) * double.ExpM1(-vPre);
        if (vPre > 0) return -LearningRate * w * double.ExpM1(vPre);
        return 0;
    }

    public double PulseEnergy(double w, double vPre, double delta) => 0;

    public double ForwardWeight(double w) => w;
}

/// <summary>
/// VDSP through a fitted memristor (notes 003 §2.2 `fun_post_tio2`, §2.4 `vdsp_memristor`): on a post spike the
/// device sees V_app = clip(gain·(V_prog − V_pre), clipMin, clipMax) for a pulse of width η·τ_event, so
/// Δw = η·τ_event·dw/dt(V_app, w) of <see cref="VdspFittedMemristor"/> (the fits give Δw per event, the model's
/// dw/dt is that per τ_event; first order in Δw, see the device README). The forward pass uses G(w)/G_max, so
/// the HRS/LRS ratio shows. Pulse energy: V_app²·G(w̄)·width with w̄ the mid-pulse state (linear device I–V).
/// </summary>
public sealed class DeviceVdspRule : IVoltagePlasticityRule
{
    public DeviceVdspRule(VdspFittedMemristor device, double learningRate, double programmingVoltage = 0,
                          double voltageGain = 1, double clipMin = double.NegativeInfinity, double clipMax = double.PositiveInfinity)
    {
        if (!(learningRate >= 0) || !double.IsFinite(learningRate)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learning rate must be finite and ≥ 0");
        if (!(clipMin < clipMax)) throw new ArgumentException($"voltage clip [{clipMin}, {clipMax}] is empty");
        Device = device;
        LearningRate = learningRate;
        ProgrammingVoltage = programmingVoltage;
        VoltageGain = voltageGain;
        ClipMin = clipMin;
        ClipMax = clipMax;
    }

    public VdspFittedMemristor Device { get; }
    public double LearningRate { get; }
    public double ProgrammingVoltage { get; }
    public double VoltageGain { get; }
    public double ClipMin { get; }
    public double ClipMax { get; }

    /// <summary>Width of one programming pulse (s): η × the fit's event duration.</summary>
    public double PulseWidth => LearningRate * Device.Parameters.EventDuration;

    public double AppliedVoltage(double vPre) => Math.Clamp(VoltageGain * (ProgrammingVoltage - vPre), ClipMin, ClipMax);

    public double Delta(double w, double vPre) => PulseWidth * Device.StateDerivative(AppliedVoltage(vPre), w);

    public double PulseEnergy(double w, double vPre, double delta)
    {
        double v = AppliedVoltage(vPre);
        return v * v * Device.Conductance(Math.Clamp(w + 0.5 * delta, 0, 1)) * PulseWidth;
    }

    public double ForwardWeight(double w) => Device.Conductance(w) / Device.Parameters.Gmax;
}
