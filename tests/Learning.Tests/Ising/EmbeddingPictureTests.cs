using System.Buffers.Binary;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Embedding;
using CircuitNeuro.Learning.Ising.Topology;
using CircuitNeuro.Learning.Ising.Visualization;

namespace CircuitNeuro.Learning.Tests.Ising;

public class EmbeddingPictureTests
{
    [Fact]
    public void WritesAValidPngOfTheRequestedSize()
    {
        var topo = ChimeraTopology.Create(4, 4, 4).WithoutFaults([7, 40]);
        var edges = (from a in Enumerable.Range(0, 6) from b in Enumerable.Range(a + 1, 5 - a) select (a, b)).ToList();
        var embedding = new MinorEmbedder(topo).Find(6, edges, new RandomStream(2));
        string path = Path.Combine(Path.GetTempPath(), $"ising-embedding-{Environment.ProcessId}.png");
        EmbeddingPicture.Save(path, topo, embedding, pixelsPerCell: 100);
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(400, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(440, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        File.Delete(path);
    }
}
