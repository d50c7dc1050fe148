namespace CircuitNeuro.EventKernel.Random;

/// <summary>
/// Process-independent 64-bit string hash (FNV-1a over UTF-16 code units, then the SplitMix64 finalizer to
/// spread the bits). Unlike <see cref="string.GetHashCode()"/>, which .NET randomizes per process, this gives
/// the same value in every run, so component names can seed random streams reproducibly.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffsetBasis = 14695981039346656037UL; // FNV-1a 64-bit parameters (Fowler–Noll–Vo)
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ulong hash = FnvOffsetBasis;
        foreach (char c in text)
        {
            hash = (hash ^ (byte)c) * FnvPrime;
            hash = (hash ^ (byte)(c >> 8)) * FnvPrime;
        }
        return SplitMix64.Mix(hash);
    }
}
