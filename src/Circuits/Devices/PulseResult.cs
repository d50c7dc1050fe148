namespace CircuitNeuro.Circuits.Devices;

/// <summary>
/// Outcome of one programming pulse: the state change and the energy ∫ v·i dt absorbed by the device
/// (and by the series resistance, if any), reported per update.
/// </summary>
public sealed record PulseResult(
    double StateBefore,
    double StateAfter,
    double DeviceEnergy,
    double SeriesEnergy,
    double Charge,
    int Steps)
{
    public double StateChange => StateAfter - StateBefore;

    /// <summary>Energy the driver delivered: device plus series resistance.</summary>
    public double DeliveredEnergy => DeviceEnergy + SeriesEnergy;
}
