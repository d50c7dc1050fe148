using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Learning.Stdp;
using CircuitNeuro.Learning.Vdsp;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Learning.Tests.Vdsp;

/// <summary>
/// VDSP vs pair STDP on the same Poisson spike trains. VDSP programs every synapse of a column once per post
/// spike; nearest-neighbour STDP programs a synapse on a post spike if its pre fired within the window W before,
/// and on a pre spike if its post fired within W before. For independent Poisson trains (rates r_pre, r_post):
/// STDP/VDSP = (1 − e^{−r_pre·W₊}) + (r_pre/r_post)(1 − e^{−r_post·W₋}); with W → ∞ and equal rates, 2.
/// </summary>
public class UpdateCountTests
{
    private const int Pre = 40, Post = 8;

    private static (UpdateLedger Vdsp, UpdateLedger Stdp, long PreSpikes, long PostSpikes) Run(double ratePre, double ratePost, double cutoff, double duration)
    {
        var scheduler = new EventScheduler();
        var preType = scheduler.TypeOf("Spike");
        var postType = scheduler.TypeOf("PostSpike");
        DenseSynapticWeights Weights() => new(Pre, Post, 0.5);
        var vdsp = new VdspPlasticity(scheduler, postType, Weights(), (_, _) => -0.5, new IdealVdspRule(1e-6));
        var stdp = new PairStdpPlasticity(scheduler, preType, 0, postType, Weights(),
                                          new PairStdpParameters { LearningRate = 1e-6, WindowCutoff = cutoff });
        var streams = new RandomStreams(11);
        long preSpikes = 0, postSpikes = 0;
        void Train(EventTypeId type, int units, double rate, int priority, ref long count)
        {
            for (int u = 0; u < units; u++)
            {
                var rng = streams.Get(type == preType ? "pre" : "post", u);
                for (double t = rng.PoissonInterval(rate); t < duration; t += rng.PoissonInterval(rate), count++)
                    scheduler.Schedule(t, type, intPayload: u, priority: priority);
            }
        }
        Train(preType, Pre, ratePre, 0, ref preSpikes);
        Train(postType, Post, ratePost, 1, ref postSpikes);
        scheduler.Run();
        return (vdsp.Ledger, stdp.Ledger, preSpikes, postSpikes);
    }

    [Fact]
    public void VdspUpdatesOncePerPostSpikeAndSynapse_StdpTwiceAsOftenAtEqualRates()
    {
        var (vdsp, stdp, preSpikes, postSpikes) = Run(20, 20, double.PositiveInfinity, 40);
        Assert.Equal(postSpikes, vdsp.PostTriggers);
        Assert.Equal(postSpikes * Pre, vdsp.Updates);
        Assert.Equal(0, vdsp.PreTriggers);
        // Unlimited window: every post spike pairs with each input that has fired, every pre spike with each
        // output that has fired; only the first ~1/(r·T) of the run misses partners.
        double expected = (double)postSpikes * Pre + (double)preSpikes * Post;
        Assert.InRange(stdp.Updates / expected, 0.99, 1.0);
        double ratio = (double)stdp.Updates / vdsp.Updates;
        Assert.InRange(ratio, 1.9, 2.1);
        Assert.InRange(ratio, 0.99 * (1 + (double)preSpikes * Post / (postSpikes * Pre)), 1.0 * (1 + (double)preSpikes * Post / (postSpikes * Pre)));
    }

    [Theory]
    [InlineData(20, 20, 1.0)]
    [InlineData(40, 10, 2.0)]
    [InlineData(10, 30, 5.0)]
    public void FiniteWindowRatioFollowsThePoissonPrediction(double ratePre, double ratePost, double cutoff)
    {
        var (vdsp, stdp, _, _) = Run(ratePre, ratePost, cutoff, 40);
        var p = new PairStdpParameters { WindowCutoff = cutoff };
        double wPlus = cutoff * p.TauPotentiation, wMinus = cutoff * p.TauDepression;
        double predicted = (1 - Math.Exp(-ratePre * wPlus)) + ratePre / ratePost * (1 - Math.Exp(-ratePost * wMinus));
        double measured = (double)stdp.Updates / vdsp.Updates;
        Assert.InRange(measured / predicted, 0.95, 1.05);
    }
}
