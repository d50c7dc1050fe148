using System.Numerics;
using System.Runtime.InteropServices;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>SIMD loops over contiguous rows, shared by the layered equilibrium and its update (no allocations).</summary>
internal static class VectorKernels
{
    /// <summary>y += a·x.</summary>
    public static void AddScaled(Span<double> y, ReadOnlySpan<double> x, double a)
    {
        int n = y.Length, k = 0, w = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            var va = new Vector<double>(a);
            for (int v = 0; v < vy.Length; v++) vy[v] += va * vx[v];
            k = vy.Length * w;
        }
        for (; k < n; k++) y[k] += a * x[k];
    }

    /// <summary>y += x; returns Σx (the row's sum, accumulated on the side).</summary>
    public static double AddAndSum(Span<double> y, ReadOnlySpan<double> x)
    {
        int n = y.Length, k = 0, w = Vector<double>.Count;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            var acc = Vector<double>.Zero;
            for (int v = 0; v < vy.Length; v++) { vy[v] += vx[v]; acc += vx[v]; }
            sum = Vector.Sum(acc);
            k = vy.Length * w;
        }
        for (; k < n; k++) { y[k] += x[k]; sum += x[k]; }
        return sum;
    }

    /// <summary>Σ x·y.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length, k = 0, w = Vector<double>.Count;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            var acc = Vector<double>.Zero;
            for (int v = 0; v < vx.Length; v++) acc += vx[v] * vy[v];
            sum = Vector.Sum(acc);
            k = vx.Length * w;
        }
        for (; k < n; k++) sum += x[k] * y[k];
        return sum;
    }

    /// <summary>into[j] = k·(a − b[j])·(c − d[j]): a difference of two squared drops, (v_p − u_p)² − (v_q − u_q)², factorised.</summary>
    public static void DifferenceOfSquares(Span<double> into, double k, double a, ReadOnlySpan<double> b, double c, ReadOnlySpan<double> d)
    {
        int n = into.Length, j = 0, w = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            var vo = MemoryMarshal.Cast<double, Vector<double>>(into);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(d[..n]);
            Vector<double> vk = new(k), va = new(a), vc = new(c);
            for (int v = 0; v < vo.Length; v++) vo[v] = vk * (va - vb[v]) * (vc - vd[v]);
            j = vo.Length * w;
        }
        for (; j < n; j++) into[j] = k * (a - b[j]) * (c - d[j]);
    }

    /// <summary>y = clamp(y + a·x, min, max) element-wise; returns Σ|change|.</summary>
    public static double AddScaledClamped(Span<double> y, ReadOnlySpan<double> x, double a, double min, double max)
    {
        int n = y.Length, k = 0, w = Vector<double>.Count;
        double moved = 0;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            Vector<double> va = new(a), vmin = new(min), vmax = new(max), acc = Vector<double>.Zero;
            for (int v = 0; v < vy.Length; v++)
            {
                var next = Vector.Min(Vector.Max(vy[v] + va * vx[v], vmin), vmax);
                acc += Vector.Abs(next - vy[v]);
                vy[v] = next;
            }
            moved = Vector.Sum(acc);
            k = vy.Length * w;
        }
        for (; k < n; k++)
        {
            double next = Math.Clamp(y[k] + a * x[k], min, max);
            moved += Math.Abs(next - y[k]);
            y[k] = next;
        }
        return moved;
    }
}
