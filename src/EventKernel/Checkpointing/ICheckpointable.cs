namespace CircuitNeuro.EventKernel.Checkpointing;

/// <summary>
/// Component whose dynamic state can be written and read back exactly. Structure (handlers, wiring,
/// parameters) is rebuilt by constructing the same model; only the evolving state goes in the stream.
/// </summary>
public interface ICheckpointable
{
    void SaveState(BinaryWriter writer);
    void RestoreState(BinaryReader reader);
}
