using System.Numerics;
using System.Runtime.CompilerServices;

namespace CircuitNeuro.EventKernel.Random;

/// <summary>
/// xoshiro256** 1.0 (Blackman &amp; Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021):
/// 256-bit state, period 2^256 − 1, fully specified so results are identical on every platform and .NET version.
/// </summary>
public struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        var expander = new SplitMix64(seed);
        _s0 = expander.Next(); _s1 = expander.Next(); _s2 = expander.Next(); _s3 = expander.Next();
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1; // the all-zero state is a fixed point
    }

    // Inlined so hot loops (the Ising sampler) can keep the copied state in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    public readonly (ulong S0, ulong S1, ulong S2, ulong S3) State => (_s0, _s1, _s2, _s3);

    public void SetState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0) throw new ArgumentException("xoshiro256** state must not be all zero.");
        _s0 = s0; _s1 = s1; _s2 = s2; _s3 = s3;
    }
}
