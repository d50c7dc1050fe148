namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>Called when an event of a registered type is dispatched. May schedule or cancel events.</summary>
public delegate void SimEventHandler(in SimEvent e);
