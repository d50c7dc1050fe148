namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>One ngspice output vector: real part (always) and imaginary part (complex plots only).</summary>
public sealed class NgspiceVector
{
    public NgspiceVector(string rawName, double[] real, double[]? imaginary = null, string? type = null)
    {
        RawName = rawName;
        Name = NgspiceNames.Canonical(rawName);
        Real = real;
        Imaginary = imaginary;
        Type = type;
    }

    /// <summary>Canonical name (see <see cref="NgspiceNames"/>): "out", "v1#branch", "time", "v-sweep".</summary>
    public string Name { get; }

    /// <summary>The name exactly as the backend reported it ("out" or "v(out)").</summary>
    public string RawName { get; }

    /// <summary>Real part of every point.</summary>
    public double[] Real { get; }

    /// <summary>Imaginary part for complex vectors (AC), otherwise null.</summary>
    public double[]? Imaginary { get; }

    /// <summary>"voltage", "current", "time", ... when known.</summary>
    public string? Type { get; }

    public int Length => Real.Length;

    public double this[int index] => Real[index];

    public override string ToString() => $"{Name}[{Length}]";
}
