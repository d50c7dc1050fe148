using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Backprop;

/// <summary>
/// How the optimiser's ΔW reaches a synapse. Ideal: W += ΔW. Memristive (seed 002 §3.7 [S L1846]): one pulse of
/// sign(ΔW)·V_th + ΔW/speed through the device equation (Eq. 3.2) of that synapse's drawn device, by the EqSpike writer
/// with its second half at 0 V, so the realised change carries the device's S^±, V_th^± (Eq. 3.15), η and C2C noise.
/// speed = S^±·t_pulse/(Gmax − Gmin) of the nominal device (Eq. 3.16). A zero ΔW sends no pulse.
/// </summary>
public sealed class BackpropSynapses
{
    private readonly MemristiveSynapseWriter? _devices;
    private readonly double _speedUp, _speedDown, _thresholdUp, _thresholdDown;

    private BackpropSynapses(ISynapseWriter writer)
    {
        Writer = writer;
        _devices = writer as MemristiveSynapseWriter;
        if (_devices is null) return;
        var o = _devices.Options;
        double range = o.Device.Gmax - o.Device.Gmin;
        (_speedUp, _speedDown) = (o.Device.SlopePositive * o.PulseWidth / range, o.Device.SlopeNegative * o.PulseWidth / range);
        (_thresholdUp, _thresholdDown) = (o.Device.ThresholdPositive, o.Device.ThresholdNegative);
    }

    public static BackpropSynapses Ideal() => new(new NumericSynapseWriter());

    public static BackpropSynapses Memristive(MemristiveSynapseWriter writer) => new(writer);

    /// <summary>The writer behind (write count, energy, device state).</summary>
    public ISynapseWriter Writer { get; }

    public MemristiveSynapseWriter? Devices => _devices;

    /// <summary>The device voltage of the write pulse for a requested ΔW (0 for none).</summary>
    public double PulseVoltage(double request) =>
        request > 0 ? _thresholdUp + request / _speedUp : request < 0 ? _thresholdDown + request / _speedDown : 0;

    public void Apply(int layer, int k, double request)
    {
        if (request == 0) return;
        if (_devices is null) Writer.Write(layer, k, request);
        else _devices.WritePulse(layer, k, PulseVoltage(request), 0);
    }
}
