using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>A learning rule living as event handlers on the kernel's scheduler; switched off for labelling and testing.</summary>
public interface ISpikePlasticity : ICheckpointable
{
    string Name { get; }
    UpdateLedger Ledger { get; }
    bool Enabled { get; set; }
}
