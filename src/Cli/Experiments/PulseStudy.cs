using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// Runs the pulse-programming study: draws the population, applies the pulse train to every device through
/// <see cref="PulseIntegrator"/> (state and ∫v·i dt by adaptive Dormand–Prince) plus the cycle-to-cycle noise of
/// <see cref="VariableMemristor"/>, and reads every device after every pulse. Every device has its own named
/// random streams ("devices/d2d/i", "devices/write/i", …), so results do not depend on the number of devices
/// before it or on the order they are run in, and a seed gives the same numbers bit for bit.
/// </summary>
public static class PulseStudy
{
    public const string Population = "devices";

    public static PulseStudyResult Run(PulseStudyConfig cfg, CancellationToken cancel = default)
    {
        cfg.Validate();
        var devices = CreatePopulation(cfg);
        var pulse = cfg.Pulse.Build();
        int pulses = cfg.Pulse.Count, n = devices.Count;
        // conductance[k][i]: device i after k pulses (k = 0: before the train); energy[k][i]: of pulse k (k ≥ 1).
        var conductance = Jagged(pulses + 1, n);
        var state = Jagged(pulses + 1, n);
        var energy = Jagged(pulses + 1, n);
        for (int i = 0; i < n; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var d = devices[i];
            conductance[0][i] = d.Read(cfg.Devices.ReadVoltage);
            state[0][i] = d.Device.Model.NormalisedState(d.Device.State);
            for (int k = 1; k <= pulses; k++)
            {
                try
                {
                    energy[k][i] = d.Program(pulse).DeliveredEnergy;
                }
                catch (ArgumentException ex)
                {
                    // A model driven out of its domain by its drawn parameters (a NaN state, say): name the device.
                    throw new ExperimentConfigException($"device {i}, pulse {k}: {ex.Message} (parameters drawn from the nominal {cfg.Devices.Model} section)");
                }
                conductance[k][i] = d.Read(cfg.Devices.ReadVoltage);
                state[k][i] = d.Device.Model.NormalisedState(d.Device.State);
            }
        }
        return new PulseStudyResult(cfg, devices.Select(d => d.Stuck).ToArray(), conductance, state, energy);
    }

    /// <summary>The devices of the study, in index order, each with its drawn parameters and its own noise streams.</summary>
    public static IReadOnlyList<VariableMemristor> CreatePopulation(PulseStudyConfig cfg)
    {
        var streams = new RandomStreams(cfg.Seed);
        var sampler = new DeviceSampler<ModelSection>(cfg.NominalModel());
        for (int k = 0; k < cfg.Variability.DeviceToDevice.Count; k++)
        {
            var v = cfg.Variability.DeviceToDevice[k];
            string key = v.Parameter;
            sampler.Vary(key, v.Factor($"variability.device_to_device.{k}"), (p, factor) => p.With(key, p.Get(key) * factor));
        }
        var nonidealities = cfg.Variability.ToNonidealities();
        var integrator = new PulseIntegrator { SeriesResistance = cfg.Devices.SeriesResistance };
        string modelKey = cfg.Devices.Model.ToLowerInvariant();
        return Enumerable.Range(0, cfg.Devices.Count).Select(i =>
        {
            var model = sampler.Draw(streams, Population, i).Build($"device {i} ({modelKey} with its drawn parameters)");
            double x0 = model.MinState + cfg.Devices.InitialState * model.StateRange();
            return new VariableMemristor(new MemristorDevice(model, x0, $"{Population}/{i}"), nonidealities,
                nonidealities.DrawStuck(streams.Get($"{Population}/stuck", i)),
                streams.Get($"{Population}/write", i), streams.Get($"{Population}/read", i))
            {
                Integrator = integrator,
            };
        }).ToArray();
    }

    private static double[][] Jagged(int rows, int columns) => Enumerable.Range(0, rows).Select(_ => new double[columns]).ToArray();
}
