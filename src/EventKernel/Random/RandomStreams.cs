using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.EventKernel.Random;

/// <summary>
/// Root of all randomness in a run. Each component asks for a stream by a stable name; the stream's seed
/// depends only on (root seed, name), so adding or removing a component never shifts another one's numbers.
/// </summary>
public sealed class RandomStreams : ICheckpointable
{
    private readonly Dictionary<string, RandomStream> _streams = new(StringComparer.Ordinal);

    public RandomStreams(ulong rootSeed) => RootSeed = rootSeed;

    public ulong RootSeed { get; }

    public int Count => _streams.Count;

    /// <summary>Seed that <see cref="Get(string)"/> would use for <paramref name="componentName"/>.</summary>
    public static ulong DeriveSeed(ulong rootSeed, string componentName) =>
        SplitMix64.Mix(SplitMix64.Mix(rootSeed) ^ StableHash.Of(componentName));

    /// <summary>The stream for a component (created on first use, then the same instance).</summary>
    public RandomStream Get(string componentName)
    {
        if (!_streams.TryGetValue(componentName, out var stream))
        {
            stream = new RandomStream(DeriveSeed(RootSeed, componentName), componentName);
            _streams.Add(componentName, stream);
        }
        return stream;
    }

    /// <summary>Stream for element <paramref name="index"/> of a component, named "component/index".</summary>
    public RandomStream Get(string componentName, int index) =>
        Get(string.Concat(componentName, "/", index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(RootSeed);
        var names = _streams.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal); // dictionary order is not part of the contract
        writer.Write(names.Length);
        foreach (var name in names)
        {
            writer.Write(name);
            _streams[name].SaveState(writer);
        }
    }

    public void RestoreState(BinaryReader reader)
    {
        ulong seed = reader.ReadUInt64();
        if (seed != RootSeed) throw new InvalidDataException($"Checkpoint root seed {seed} differs from this run's {RootSeed}.");
        int count = reader.ReadInt32();
        for (int i = 0; i < count; i++) Get(reader.ReadString()).RestoreState(reader);
    }
}
