using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>The event-driven phases give the same update as solving the phases directly, one-sided and centered.</summary>
public class TrainerEventTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void One_event_driven_update_equals_the_directly_computed_ep_step(bool centered)
    {
        var spec = new ResistiveEpSpec { Inputs = 3, Hidden = [4], Outputs = 2, InputScale = 2, UpperClampRail = -0.4, LowerClampRail = 0.4, BackwardCurrentGain = 0.5 };
        var options = new EpTrainingOptions { Beta = 1e-6, Centered = centered, LearningRate = 0.05, PhaseDuration = 2e-6 };
        var r = new RandomStreams(31).Get("sample");
        var x = EpTestNetworks.Uniform(r, 3, 0, 1);
        var y = EpTestNetworks.Uniform(r, 2, -0.5, 0.5);

        var direct = EpTestNetworks.Build(spec, 31);
        var gradient = EpGradient.Estimate(direct, x, y, options.Beta, centered);
        double G = spec.ConductanceMax;
        var expected = direct.Layout.Conductances().Select((g, k) => Math.Clamp(g - options.LearningRate * G * G * gradient[k], spec.ConductanceMin, G)).ToArray();

        var layout = ResistiveEpCircuit.Build(spec, new RandomStreams(31).Get("weights"));
        layout.Circuit.Options = ResistiveEpNetwork.PreciseOptions;
        using var trainer = new ResistiveEpTrainer(layout, options);
        var report = trainer.TrainEpoch([(x, y)]);

        var actual = layout.Conductances();
        var initial = direct.Layout.Conductances();
        Assert.True(actual.Zip(initial).Max(p => Math.Abs(p.First - p.Second)) > 1e-9 * G, "no update happened");
        for (int k = 0; k < actual.Length; k++) Assert.Equal(expected[k], actual[k], 1e-9 * expected[k]);
        Assert.Equal(centered ? 3 : 2, report.EnergyPerPhase.Count);
        Assert.Equal(options.PhaseDuration * (centered ? 3 : 2), trainer.Scheduler.Now, 1e-18);
        Assert.All(trainer.Energy.Windows, w => Assert.True(w.Delivered > 0));
    }
}
