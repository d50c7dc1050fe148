using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>Progress of a run after a chunk of presentations.</summary>
public sealed record VdspChunkReport(
    string Phase, long Position, long Total, long OutputSpikes, long InputSpikes,
    long PostTriggers, long PreTriggers, long Updates, double PulseEnergy, double SwitchingEnergy, double? Accuracy,
    long ShadowTriggers, long ShadowUpdates);

/// <summary>
/// Train (epochs over the training set, learning on), label (frozen weights, neurons get classes), test (vote):
/// one cursor over all presentations, so a run can stop after any chunk, be checkpointed, and resume exactly.
/// </summary>
public sealed class VdspExperiment : ICheckpointable
{
    private readonly Dataset _train, _label, _test;
    private readonly int _epochs;
    private readonly bool _shuffle;
    private readonly ulong _seed;
    private int[]? _order;
    private int _orderEpoch = -1;

    public VdspExperiment(VdspNetwork network, Dataset train, Dataset label, Dataset test, int epochs, bool shuffle, ulong seed)
    {
        if (epochs < 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be ≥ 0");
        foreach (var d in new[] { train, label, test })
            if (d.FeatureCount != network.Inputs.Size) throw new ArgumentException($"{d.Name} has {d.FeatureCount} features, the network {network.Inputs.Size} inputs");
        Network = network;
        _train = train; _label = label; _test = test;
        _epochs = epochs;
        _shuffle = shuffle;
        _seed = seed;
        Readout = new SpikeCountReadout(Math.Max(label.ClassCount, test.ClassCount), network.Options.Outputs);
    }

    public VdspNetwork Network { get; }
    public SpikeCountReadout Readout { get; }
    public long TrainPresentations => (long)_epochs * _train.Count;
    public long Total => TrainPresentations + _label.Count + _test.Count;
    public long Position { get; private set; }
    public long TestCorrect { get; private set; }
    public long TestSeen { get; private set; }
    public bool Done => Position >= Total;
    public double? TestAccuracy => Done && TestSeen > 0 ? (double)TestCorrect / TestSeen : null;

    public string PhaseAt(long position) =>
        position < TrainPresentations ? "train" : position < TrainPresentations + _label.Count ? "label" : "test";

    /// <summary>Runs up to <paramref name="count"/> presentations, never across a phase boundary.</summary>
    public VdspChunkReport RunChunk(int count)
    {
        if (Done) throw new InvalidOperationException("the run is complete");
        string phase = PhaseAt(Position);
        long phaseEnd = phase == "train" ? TrainPresentations : phase == "label" ? TrainPresentations + _label.Count : Total;
        long end = Math.Min(phaseEnd, Position + Math.Max(1, count));
        for (; Position < end; Position++) PresentAt(Position);
        var ledger = Network.Plasticity?.Ledger ?? new UpdateLedger();
        var shadow = Network.Shadow?.Ledger ?? new UpdateLedger();
        double? accuracy = TestSeen > 0 ? (double)TestCorrect / TestSeen : null;
        return new VdspChunkReport(phase, Position, Total, Network.OutputSpikes, Network.InputSpikes, ledger.PostTriggers, ledger.PreTriggers,
                                   ledger.Updates, ledger.PulseEnergy, ledger.SwitchingEnergy, accuracy, shadow.Triggers, shadow.Updates);
    }

    public void RunToEnd(int chunk = 1000)
    {
        while (!Done) RunChunk(chunk);
    }

    private void PresentAt(long position)
    {
        if (position < TrainPresentations)
        {
            int epoch = (int)(position / _train.Count);
            int index = Order(epoch)[position % _train.Count];
            Network.Learning = true;
            Network.DriveScale = 1;
            Network.Present(_train.Features[index]);
            return;
        }
        long k = position - TrainPresentations;
        if (k == 0 || k == _label.Count) Network.ResetOutputs(); // a fresh evaluation network, as Nengo builds one
        Network.Learning = false;
        Network.DriveScale = Network.Options.EvaluationDriveScale;
        if (k < _label.Count)
        {
            Readout.Observe(_label.Labels[k], Network.Present(_label.Features[k]));
            if (k == _label.Count - 1) Readout.AssignLabels();
            return;
        }
        int t = (int)(k - _label.Count);
        var counts = Network.Present(_test.Features[t]);
        TestSeen++;
        if (Readout.Predict(counts) == _test.Labels[t]) TestCorrect++;
    }

    private int[] Order(int epoch)
    {
        if (_orderEpoch == epoch && _order is not null) return _order;
        var order = Enumerable.Range(0, _train.Count).ToArray();
        if (_shuffle)
        {
            var rng = new RandomStream(RandomStreams.DeriveSeed(_seed, $"order/{epoch}"));
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = rng.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }
        _orderEpoch = epoch;
        return _order = order;
    }

    public void SaveState(BinaryWriter w)
    {
        Network.SaveState(w);
        Readout.SaveState(w);
        w.Write(Position); w.Write(TestCorrect); w.Write(TestSeen);
    }

    public void RestoreState(BinaryReader r)
    {
        Network.RestoreState(r);
        Readout.RestoreState(r);
        Position = r.ReadInt64(); TestCorrect = r.ReadInt64(); TestSeen = r.ReadInt64();
    }
}
