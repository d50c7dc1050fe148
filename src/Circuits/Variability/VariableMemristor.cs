using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Circuits.Variability;

/// <summary>
/// A device with its drawn parameters (in its model instance), its stuck fault, and its own write and read noise
/// streams. <see cref="Program"/> integrates the pulse through the model, then applies the write noise and the level
/// quantisation; a stuck device ignores programming and sits at its LRS or HRS bound.
/// </summary>
public sealed class VariableMemristor
{
    private readonly RandomStream _writeStream, _readStream;

    public VariableMemristor(MemristorDevice device, Nonidealities nonidealities, StuckAt stuck, RandomStream writeStream, RandomStream readStream)
    {
        Device = device;
        Nonidealities = nonidealities;
        Stuck = stuck;
        _writeStream = writeStream;
        _readStream = readStream;
        if (stuck != StuckAt.None) Device.State = stuck == StuckAt.Lrs ? LrsBound(device.Model) : HrsBound(device.Model);
        else if (nonidealities.Levels > 0) Device.State = device.Model.Quantize(Device.State, nonidealities.Levels, nonidealities.LevelSpacing);
    }

    public MemristorDevice Device { get; }
    public Nonidealities Nonidealities { get; }
    public StuckAt Stuck { get; }
    public PulseIntegrator Integrator { get; init; } = new();

    /// <summary>The bound with the higher read conductance (VTEAM's LRS is w = 0, the other models' is the upper bound).</summary>
    public static double LrsBound(IMemristorModel m) => m.ReadConductance(m.MaxState) >= m.ReadConductance(m.MinState) ? m.MaxState : m.MinState;

    public static double HrsBound(IMemristorModel m) => LrsBound(m) == m.MaxState ? m.MinState : m.MaxState;

    /// <summary>Applies one programming pulse; the result's states include the noise and the quantisation.</summary>
    public PulseResult Program(ProgrammingPulse pulse)
    {
        double before = Device.State;
        var r = Integrator.Apply(Device, pulse);
        if (Stuck != StuckAt.None)
        {
            Device.State = before;
            return r with { StateAfter = before };
        }
        var n = Nonidealities;
        double change = r.StateChange;
        if (change != 0 || n.NoiseOnEveryPulse) change = n.WithWriteNoise(change, Device.Model.StateRange(), _writeStream);
        double x = before + change;
        if (n.Levels > 0) x = Device.Model.Quantize(x, n.Levels, n.LevelSpacing);
        Device.State = x;
        return r with { StateAfter = Device.State };
    }

    /// <summary>Read conductance with its read noise (the stored state is not disturbed).</summary>
    public double Read(double readVoltage = 0.1)
    {
        double g = Device.ReadConductance(readVoltage);
        return Nonidealities.ReadNoise > 0 ? g * _readStream.Normal(1, Nonidealities.ReadNoise) : g;
    }

    /// <summary>
    /// A population of <paramref name="count"/> devices: parameters from <paramref name="sampler"/> (stream "name/d2d/i"),
    /// stuck faults ("name/stuck/i"), write noise ("name/write/i") and read noise ("name/read/i").
    /// </summary>
    public static IReadOnlyList<VariableMemristor> Population<TParameters>(RandomStreams streams, string name, int count,
        DeviceSampler<TParameters> sampler, Func<TParameters, IMemristorModel> model, double initialState, Nonidealities nonidealities) =>
        Enumerable.Range(0, count).Select(i => new VariableMemristor(
            new MemristorDevice(model(sampler.Draw(streams, name, i)), initialState, $"{name}/{i}"),
            nonidealities,
            nonidealities.DrawStuck(streams.Get($"{name}/stuck", i)),
            streams.Get($"{name}/write", i),
            streams.Get($"{name}/read", i))).ToArray();
}
