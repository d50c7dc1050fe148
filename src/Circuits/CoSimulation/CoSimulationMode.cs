namespace CircuitNeuro.Circuits.CoSimulation;

public enum CoSimulationMode
{
    /// <summary>At each event time, after the handlers changed the sources, the operating point is re-solved (numeric refactor only); power is held constant between events.</summary>
    QuasiStatic,
    /// <summary>The transient solver advances exactly to every event time (events are breakpoints), so pulses are integrated through the devices' dynamics.</summary>
    Transient,
}
