using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.EventKernel.Tests;

/// <summary><see cref="Checkpoint.SaveFile(string, ICheckpointable[])"/>: a checkpoint file is replaced whole or not at all.</summary>
public sealed class CheckpointFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cn-checkpoint-").FullName;
    private string Path => System.IO.Path.Combine(_dir, "checkpoint.bin");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class Counter(int value) : ICheckpointable
    {
        public int Value { get; private set; } = value;
        public void SaveState(BinaryWriter writer) => writer.Write(Value);
        public void RestoreState(BinaryReader reader) => Value = reader.ReadInt32();
    }

    [Fact]
    public void SaveFile_WritesWhatRestoreReads_AndLeavesNoTemporaryFile()
    {
        Checkpoint.SaveFile(Path, new Counter(41));
        Checkpoint.SaveFile(Path, new Counter(42));
        var restored = new Counter(0);
        Checkpoint.Restore(File.ReadAllBytes(Path), restored);
        Assert.Equal(42, restored.Value);
        Assert.Equal(Checkpoint.Capture(new Counter(42)), File.ReadAllBytes(Path));
        Assert.Equal(["checkpoint.bin"], Directory.GetFiles(_dir).Select(System.IO.Path.GetFileName));
    }

    [Fact]
    public void AnInterruptedSave_LeavesThePreviousCheckpoint()
    {
        Checkpoint.SaveFile(Path, new Counter(7));
        byte[] before = File.ReadAllBytes(Path);
        Assert.Throws<IOException>(() => Checkpoint.SaveFile(Path, stream =>
        {
            stream.Write([1, 2, 3]);
            throw new IOException("disk full");
        }));
        Assert.Throws<InvalidOperationException>(() =>
            Checkpoint.SaveFile(Path, stream => Checkpoint.Save(stream, new Counter(8)), beforeReplace: () => throw new InvalidOperationException()));
        Assert.Equal(before, File.ReadAllBytes(Path));
    }

    [Fact]
    public void BeforeReplace_RunsOnceTheNewFileIsCompleteAndTheOldOneStillInPlace()
    {
        Checkpoint.SaveFile(Path, new Counter(1));
        byte[] old = File.ReadAllBytes(Path), seenOld = [], seenNew = [];
        Checkpoint.SaveFile(Path, stream => Checkpoint.Save(stream, new Counter(2)), beforeReplace: () =>
        {
            seenOld = File.ReadAllBytes(Path);
            seenNew = File.ReadAllBytes(Path + ".tmp");
        });
        Assert.Equal(old, seenOld);
        Assert.Equal(Checkpoint.Capture(new Counter(2)), seenNew);
        Assert.Equal(seenNew, File.ReadAllBytes(Path));
    }
}
