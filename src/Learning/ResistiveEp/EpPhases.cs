using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>The phases of one EP training sample and their PhaseChange events, shared by the MNA and the layered trainer.</summary>
internal enum EpPhase { Free, NudgePlus, NudgeMinus, Update }

internal static class EpPhases
{
    public static int PerSample(bool centered) => centered ? 3 : 2;

    /// <summary>
    /// Schedules sample s's phases in slots s·P … s·P + P of length T from t0 and returns the update's time.
    /// Slot k starts at t0 + k·T, computed the same way for every event, so an update and the next sample's
    /// free phase fall on exactly the same instant; priority puts the update first.
    /// </summary>
    public static double ScheduleSample(EventScheduler scheduler, EventTypeId phaseChange, double t0, double T, int s, bool centered)
    {
        int P = PerSample(centered);
        double At(int slot) => t0 + slot * T;
        scheduler.Schedule(At(s * P), phaseChange, target: s, intPayload: (int)EpPhase.Free, priority: 1);
        scheduler.Schedule(At(s * P + 1), phaseChange, target: s, intPayload: (int)EpPhase.NudgePlus, priority: 1);
        if (centered) scheduler.Schedule(At(s * P + 2), phaseChange, target: s, intPayload: (int)EpPhase.NudgeMinus, priority: 1);
        double update = At(s * P + P);
        scheduler.Schedule(update, phaseChange, target: s, intPayload: (int)EpPhase.Update, priority: 0);
        return update;
    }
}
