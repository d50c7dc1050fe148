using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// What one identical programming pulse does to a device as a function of its state: the state after it and
/// the energy it delivers. For a model whose dx/dt depends only on (v, x) both are fixed functions of the state
/// before the pulse, so they are integrated once (<see cref="PulseIntegrator"/>) on a uniform grid over the
/// window and read back by linear interpolation: writing an update then costs two look-ups per pulse and
/// allocates nothing. Interpolation error is O(h²·f''), checked against the integrator in the tests.
/// </summary>
public sealed class OnePulseMap
{
    private readonly double[] _after, _energy;
    private readonly double _min, _h;

    public OnePulseMap(IMemristorModel model, ProgrammingPulse pulse, PulseIntegrator integrator, int points)
    {
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), "a pulse map needs at least 2 grid points");
        _min = model.MinState;
        _h = model.StateRange() / (points - 1);
        _after = new double[points];
        _energy = new double[points];
        var device = new MemristorDevice(model, _min);
        for (int k = 0; k < points; k++)
        {
            device.State = k == points - 1 ? model.MaxState : _min + k * _h;
            var r = integrator.Apply(device, pulse);
            _after[k] = r.StateAfter;
            _energy[k] = r.DeliveredEnergy;
        }
    }

    /// <summary>Applies one pulse to state <paramref name="x"/> and returns its energy.</summary>
    public double Apply(ref double x)
    {
        double s = (x - _min) / _h;
        int k = Math.Clamp((int)s, 0, _after.Length - 2);
        double f = s - k;
        x = _after[k] + f * (_after[k + 1] - _after[k]);
        return _energy[k] + f * (_energy[k + 1] - _energy[k]);
    }
}
