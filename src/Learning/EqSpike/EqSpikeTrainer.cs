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
/// then measures the test accuracy with the free phase alone. Checkpointable between epochs: weights, devices and every
/// random stream, so a resumed run continues bit for bit.
/// </summary>
public sealed class EqSpikeTrainer : ICheckpointable
{
    private readonly RandomStreams _random;
    private readonly RandomStream _shuffle;

    public EqSpikeTrainer(EqSpikeNetwork network, RandomStreams random)
    {
        Network = network;
        _random = random;
        _shuffle = random.Get("eqspike/shuffle");
    }

    public EqSpikeNetwork Network { get; }
    public int EpochsDone { get; private set; }

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

    public EqSpikeEpochReport TrainEpoch(Dataset train, Dataset test, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        Network.Writer.ResetCounters();
        double tailsBefore = Network.TailEnergy;
        var order = Enumerable.Range(0, train.Count).ToArray();
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = _shuffle.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        int correct = 0, nudged = 0;
        long spikes = 0;
        foreach (int k in order)
        {
            cancel.ThrowIfCancellationRequested();
            if (Network.Train(train.Features[k], train.Labels[k]) == train.Labels[k]) correct++;
            if (!Network.LastNudgeSkipped) nudged++;
            spikes += Network.SampleSpikes;
        }
        long writes = Network.Writer.Writes;
        double energy = Network.Writer.Energy;
        var (testAccuracy, silent) = Evaluate(test);
        EpochsDone++;
        return new EqSpikeEpochReport(EpochsDone, correct / (double)train.Count, testAccuracy, nudged, writes, energy,
            spikes / (double)train.Count, clock.Elapsed.TotalSeconds, Network.TailEnergy - tailsBefore, silent);
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
