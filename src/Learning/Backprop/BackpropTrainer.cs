using System.Diagnostics;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Learning.Backprop;

/// <summary>One epoch's figures: accuracies, writes (pulses or numeric updates) and their programming energy.</summary>
public sealed record BackpropEpochReport(int Epoch, double TrainAccuracy, double TestAccuracy, long Writes, double Energy, double Seconds);

/// <summary>
/// Trains a <see cref="BackpropNetwork"/> one sample at a time (batch 1 [S L1850]) in an order reshuffled every epoch,
/// then measures the test accuracy. Checkpointable between epochs: weights, device conductances, optimiser state and
/// every random stream, so a resumed run is bit-identical to an uninterrupted one.
/// </summary>
public sealed class BackpropTrainer(BackpropNetwork network, RandomStreams random) : ICheckpointable
{
    private readonly RandomStream _shuffle = random.Get("backprop/shuffle");

    public BackpropNetwork Network { get; } = network;
    public int EpochsDone { get; private set; }

    public double Accuracy(Dataset data)
    {
        int correct = 0;
        for (int i = 0; i < data.Count; i++)
            if (Network.Predict(data.Features[i]) == data.Labels[i]) correct++;
        return correct / (double)data.Count;
    }

    public BackpropEpochReport TrainEpoch(Dataset train, Dataset test)
    {
        var clock = Stopwatch.StartNew();
        var writer = Network.Synapses.Writer;
        writer.ResetCounters();
        var order = Enumerable.Range(0, train.Count).ToArray();
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = _shuffle.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        int correct = 0;
        foreach (int k in order)
            if (Network.Train(train.Features[k], train.Labels[k]) == train.Labels[k]) correct++;
        double testAccuracy = Accuracy(test);
        EpochsDone++;
        return new BackpropEpochReport(EpochsDone, correct / (double)train.Count, testAccuracy, writer.Writes, writer.Energy, clock.Elapsed.TotalSeconds);
    }

    private int ParameterCount => Network.Weights.Sum(layer => layer.Length);

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(EpochsDone);
        writer.Write(ParameterCount);
        foreach (double w in Network.Weights.SelectMany(layer => layer)) writer.Write(w);
        Network.Synapses.Devices?.SaveState(writer);
        Network.Optimizer.SaveState(writer);
        random.SaveState(writer);
    }

    public void RestoreState(BinaryReader reader)
    {
        EpochsDone = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (count != ParameterCount) throw new InvalidDataException($"checkpoint holds {count} parameters, this network {ParameterCount}");
        foreach (var layer in Network.Weights)
            for (int k = 0; k < layer.Length; k++) layer[k] = reader.ReadDouble();
        Network.Synapses.Devices?.RestoreState(reader);
        Network.Optimizer.RestoreState(reader);
        random.RestoreState(reader);
    }
}
