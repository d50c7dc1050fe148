using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// What a plasticity rule did: trigger events (a spike that started a programming phase), synapse updates
/// (one synapse whose Δw ≠ 0, i.e. one programming operation), and the pulse energy through the device model.
/// </summary>
public sealed class UpdateLedger : ICheckpointable
{
    /// <summary>Spikes that triggered updates: post spikes (VDSP, STDP potentiation) and pre spikes (STDP depression).</summary>
    public long PostTriggers { get; private set; }
    public long PreTriggers { get; private set; }
    /// <summary>Synapses changed (Δw ≠ 0 before clipping): potentiations and depressions.</summary>
    public long Potentiations { get; private set; }
    public long Depressions { get; private set; }
    /// <summary>Energy of every pulse applied (J), including devices whose state did not move (sub-threshold).</summary>
    public double PulseEnergy { get; private set; }
    /// <summary>Energy of the pulses that moved a device (J).</summary>
    public double SwitchingEnergy { get; private set; }

    public long Updates => Potentiations + Depressions;
    public long Triggers => PostTriggers + PreTriggers;
    /// <summary>Switching energy per synapse update (J); NaN before the first update.</summary>
    public double EnergyPerUpdate => Updates > 0 ? SwitchingEnergy / Updates : double.NaN;

    public void PostTrigger() => PostTriggers++;
    public void PreTrigger() => PreTriggers++;

    public void Record(double delta, double energy)
    {
        PulseEnergy += energy;
        if (delta > 0) Potentiations++;
        else if (delta < 0) Depressions++;
        else return;
        SwitchingEnergy += energy;
    }

    public void SaveState(BinaryWriter w)
    {
        w.Write(PostTriggers); w.Write(PreTriggers); w.Write(Potentiations); w.Write(Depressions);
        w.Write(PulseEnergy); w.Write(SwitchingEnergy);
    }

    public void RestoreState(BinaryReader r)
    {
        PostTriggers = r.ReadInt64(); PreTriggers = r.ReadInt64(); Potentiations = r.ReadInt64(); Depressions = r.ReadInt64();
        PulseEnergy = r.ReadDouble(); SwitchingEnergy = r.ReadDouble();
    }
}
