namespace CircuitNeuro.EventKernel.Checkpointing;

/// <summary>Writes several <see cref="ICheckpointable"/> parts, in the given order, to one versioned byte stream.</summary>
public static class Checkpoint
{
    private const uint Magic = 0x4B434E43; // "CNCK"
    private const int FormatVersion = 1;

    public static byte[] Capture(params ICheckpointable[] parts)
    {
        using var stream = new MemoryStream();
        Save(stream, parts);
        return stream.ToArray();
    }

    public static void Save(Stream stream, params ICheckpointable[] parts)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(parts.Length);
        foreach (var part in parts)
        {
            writer.Write(part.GetType().FullName ?? "?");
            part.SaveState(writer);
        }
    }

    /// <summary>
    /// Writes <paramref name="parts"/> to <paramref name="path"/> through a temporary file moved over it, so an interruption
    /// leaves either the previous checkpoint or the new one, never a torn file.
    /// </summary>
    public static void SaveFile(string path, params ICheckpointable[] parts) => SaveFile(path, stream => Save(stream, parts));

    /// <summary>
    /// The same for any content: <paramref name="write"/> fills the temporary file; <paramref name="beforeReplace"/> runs
    /// once it is complete and before it replaces <paramref name="path"/> (to update files the checkpoint refers to). If
    /// either throws, the previous checkpoint stays as it was.
    /// </summary>
    public static void SaveFile(string path, Action<Stream> write, Action? beforeReplace = null)
    {
        string temporary = path + ".tmp";
        using (var stream = File.Create(temporary)) write(stream);
        beforeReplace?.Invoke();
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>How many parts a checkpoint holds (a format that gained a part can still read its older files).</summary>
    public static int PartCount(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data, writable: false));
        if (data.Length < 12 || reader.ReadUInt32() != Magic) throw new InvalidDataException("Not a CircuitNeuro checkpoint.");
        reader.ReadInt32();
        return reader.ReadInt32();
    }

    public static void Restore(byte[] data, params ICheckpointable[] parts)
    {
        using var stream = new MemoryStream(data, writable: false);
        Restore(stream, parts);
    }

    public static void Restore(Stream stream, params ICheckpointable[] parts)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != Magic) throw new InvalidDataException("Not a CircuitNeuro checkpoint.");
        int version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"Checkpoint format {version} is not supported (expected {FormatVersion}).");
        int count = reader.ReadInt32();
        if (count != parts.Length) throw new InvalidDataException($"Checkpoint holds {count} parts but {parts.Length} were given.");
        foreach (var part in parts)
        {
            string saved = reader.ReadString();
            string expected = part.GetType().FullName ?? "?";
            if (saved != expected) throw new InvalidDataException($"Checkpoint part order mismatch: stream has '{saved}', restoring into '{expected}'.");
            part.RestoreState(reader);
        }
    }
}
