using System.Diagnostics;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Learning.EqSpike;

/// <summary>One epoch's figures: accuracies, nudge phases run, programming events and their energy.</summary>
public sealed record EqSpikeEpochReport(
    int Epoch,
    double TrainAccuracy,
    double TestAccuracy,
    int NudgedSamples,
    long Writes,
    double Energy,
    double SpikesPerSample,
    double Seconds,
    double TailEnergy = 0,
    int SilentOutputs = 0)
{
    public double EnergyPerWrite => Writes > 0 ? Energy / Writes : 0;
    /// <summary>Programming plus tail energy per programming event (A-EqSpike).</summary>
    public double EnergyPerWriteWithTails => Writes > 0 ? (Energy + TailEnergy) / Writes : 0;
}

/// <summary>
/// Trains an <see cref="EqSpikeNetwork"/> one sample at a time (batch 1 [S L1437]) in an order reshuffled every epoch,
/// then measures the test accuracy with the free phase alone. Checkpointable between epochs (the trainer: weights, devices
/// and every random stream) and between two samples of an epoch (<see cref="Progress"/>: the epoch's order, position and
/// running figures), so a run stopped anywhere continues bit for bit.
/// </summary>
public sealed class EqSpikeTrainer : ICheckpointable
{
    private readonly RandomStreams _random;
    private readonly RandomStream _shuffle;
    private int[]? _order;                   // the epoch in progress: its sample order (null: none in progress)
    private int _next, _correct, _nudged;    // ... samples done, right free-phase predictions, nudge phases run
    private long _spikes;
    private double _tailsBefore, _secondsBefore;

    public EqSpikeTrainer(EqSpikeNetwork network, RandomStreams random)
    {
        Network = network;
        _random = random;
        _shuffle = random.Get("eqspike/shuffle");
        Progress = new EpochProgress(this);
    }

    public EqSpikeNetwork Network { get; }
    public int EpochsDone { get; private set; }
    /// <summary>Training samples done in the epoch in progress (0 between epochs).</summary>
    public int SamplesDone => _order is null ? 0 : _next;
    /// <summary>The epoch in progress and the running energy figures: the second part of a checkpoint taken at any sample.</summary>
    public ICheckpointable Progress { get; }

    public double Accuracy(Dataset data) => Evaluate(data).Accuracy;

    /// <summary>Accuracy and the number of outputs that fire on none of the samples in their free phase (dead outputs).</summary>
    public (double Accuracy, int SilentOutputs) Evaluate(Dataset data)
    {
        int correct = 0;
        var fired = new bool[Network.Outputs];
        for (int i = 0; i < data.Count; i++)
        {
            if (Network.Infer(data.Features[i]) == data.Labels[i]) correct++;
            for (int o = 0; o < fired.Length; o++) fired[o] |= Network.FreeOutputSpikes(o) > 0;
        }
        return (correct / (double)data.Count, fired.Count(f => !f));
    }

    /// <summary>Trains a whole epoch (or the rest of the one in progress); cancelling stops between two samples and throws.</summary>
    public EqSpikeEpochReport TrainEpoch(Dataset train, Dataset test, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        return TrainUntil(train, test, () => cancel.IsCancellationRequested) ?? throw new OperationCanceledException(cancel);
    }

    /// <summary>
    /// Trains the epoch in progress (a new one, shuffled, if none) until it ends, then tests; returns null instead when
    /// <paramref name="stop"/>, asked after every sample but the epoch's last, says so: the epoch stays in progress
    /// (checkpoint it with <see cref="Progress"/>). Every call trains at least one sample.
    /// </summary>
    public EqSpikeEpochReport? TrainUntil(Dataset train, Dataset test, Func<bool> stop)
    {
        var clock = Stopwatch.StartNew();
        int[] order = _order ?? StartEpoch(train.Count);
        if (order.Length != train.Count)
            throw new InvalidOperationException($"the epoch in progress has {order.Length} samples, the training set {train.Count}");
        while (_next < order.Length)
        {
            int k = order[_next++];
            if (Network.Train(train.Features[k], train.Labels[k]) == train.Labels[k]) _correct++;
            if (!Network.LastNudgeSkipped) _nudged++;
            _spikes += Network.SampleSpikes;
            if (_next < order.Length && stop())
            {
                _secondsBefore += clock.Elapsed.TotalSeconds;
                return null;
            }
        }
        long writes = Network.Writer.Writes;
        double energy = Network.Writer.Energy;
        var (testAccuracy, silent) = Evaluate(test);
        EpochsDone++;
        _order = null;
        return new EqSpikeEpochReport(EpochsDone, _correct / (double)train.Count, testAccuracy, _nudged, writes, energy,
            _spikes / (double)train.Count, _secondsBefore + clock.Elapsed.TotalSeconds, Network.TailEnergy - _tailsBefore, silent);
    }

    private int[] StartEpoch(int count)
    {
        Network.Writer.ResetCounters();
        _tailsBefore = Network.TailEnergy;
        _order = Enumerable.Range(0, count).ToArray();
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = _shuffle.NextInt(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
        (_next, _correct, _nudged, _spikes, _secondsBefore) = (0, 0, 0, 0, 0);
        return _order;
    }

    /// <summary>
    /// The epoch in progress (order, position, running counts, seconds) and the running sums that continue across samples
    /// (the writer's events and energy, the network's tail energy), so the figures of a resumed epoch equal a straight one's.
    /// </summary>
    private sealed class EpochProgress(EqSpikeTrainer t) : ICheckpointable
    {
        public void SaveState(BinaryWriter writer)
        {
            writer.Write(t.Network.Writer.Writes);
            writer.Write(t.Network.Writer.Energy);
            writer.Write(t.Network.TailEnergy);
            writer.Write(t._order?.Length ?? -1);
            if (t._order is null) return;
            foreach (int k in t._order) writer.Write(k);
            writer.Write(t._next);
            writer.Write(t._correct);
            writer.Write(t._nudged);
            writer.Write(t._spikes);
            writer.Write(t._tailsBefore);
            writer.Write(t._secondsBefore);
        }

        public void RestoreState(BinaryReader reader)
        {
            long writes = reader.ReadInt64();
            double energy = reader.ReadDouble();
            t.Network.RestoreTailEnergy(reader.ReadDouble());
            t.Network.Writer.RestoreCounters(writes, energy);
            int count = reader.ReadInt32();
            if (count < 0)
            {
                t._order = null;
                return;
            }
            t._order = new int[count];
            for (int i = 0; i < count; i++) t._order[i] = reader.ReadInt32();
            (t._next, t._correct, t._nudged, t._spikes) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64());
            (t._tailsBefore, t._secondsBefore) = (reader.ReadDouble(), reader.ReadDouble());
        }
    }

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(EpochsDone);
        foreach (var layer in Network.Weights)
        {
            writer.Write(layer.Length);
            foreach (double w in layer) writer.Write(w);
        }
        if (Network.Writer is ICheckpointable devices) devices.SaveState(writer);
        _random.SaveState(writer);
    }

    public void RestoreState(BinaryReader reader)
    {
        EpochsDone = reader.ReadInt32();
        foreach (var layer in Network.Weights)
        {
            int n = reader.ReadInt32();
            if (n != layer.Length) throw new InvalidDataException($"checkpoint weight layer has {n} values, this network {layer.Length}");
            for (int k = 0; k < n; k++) layer[k] = reader.ReadDouble();
        }
        if (Network.Writer is ICheckpointable devices) devices.RestoreState(reader);
        _random.RestoreState(reader);
    }
}
