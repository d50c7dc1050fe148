namespace CircuitNeuro.Circuits.Models;

/// <summary>Drain current (drain → source through the channel) and its derivatives w.r.t. the bulk-referenced gate, drain and source voltages.</summary>
public readonly record struct EkvCurrent(double Id, double Gg, double Gd, double Gs, double Vp, double Slope, double ForwardLevel, double ReverseLevel)
{
    /// <summary>∂I_D/∂V_B, from the invariance of a bulk-referenced model under a common shift of all terminals.</summary>
    public double Gb => -(Gg + Gd + Gs);
}

/// <summary>Intrinsic terminal charges (C) of the channel: gate, drain, source, bulk; they sum to zero.</summary>
public readonly record struct EkvCharges(double Qg, double Qd, double Qs, double Qb);

/// <summary>
/// The EKV 2.6 static and quasi-static charge equations (see <see cref="EkvModel"/>), as pure functions of the
/// polarity-frame, bulk-referenced voltages, so tests can check them against closed forms and finite differences.
/// </summary>
public static class EkvCore
{
    /// <summary>Pinch-off voltage V_P(V_G) and dV_P/dV_G (EKV 2.6 eq. for V_P with V_G' = V_G − VTO + PHI + GAMMA·√PHI).</summary>
    public static (double Vp, double DVp) PinchOff(double vg, EkvTemperature t, double gamma)
    {
        double vgPrime = vg - t.Vto + t.Phi + gamma * Math.Sqrt(t.Phi);
        if (vgPrime <= 0) return (-t.Phi, 0);
        double root = Math.Sqrt(vgPrime + gamma * gamma / 4);
        return (vgPrime - t.Phi - gamma * (root - gamma / 2), 1 - gamma / (2 * root));
    }

    /// <summary>The interpolation function F(v) = ln²(1 + e^{v/2}) and its derivative; e^v in weak, (v/2)² in strong inversion.</summary>
    public static (double F, double DF) Interpolation(double v)
    {
        double x = v / 2;
        double softplus = x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));
        double logistic = x > 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
        return (softplus * softplus, softplus * logistic);
    }

    public static EkvCurrent Current(EkvModel m, EkvTemperature t, double beta0, double vg, double vd, double vs)
    {
        double ut = t.ThermalVoltage;
        var (vp, dvp) = PinchOff(vg, t, m.Gamma);
        double sq = Math.Sqrt(vp + t.Phi + 4 * ut);
        double n = 1 + m.Gamma / (2 * sq);
        double dn = -m.Gamma / (4 * sq * sq * sq);
        double mob = 1 + m.Theta * vp;
        double beta = beta0 / mob, dbeta = -beta * m.Theta / mob;
        double ispec = 2 * n * beta * ut * ut;
        double dispec = 2 * ut * ut * (dn * beta + n * dbeta);
        var (iff, dff) = Interpolation((vp - vs) / ut);
        var (ir, dfr) = Interpolation((vp - vd) / ut);

        double i0 = ispec * (iff - ir);
        double di0Vp = dispec * (iff - ir) + ispec * (dff - dfr) / ut;
        double di0Vs = -ispec * dff / ut, di0Vd = ispec * dfr / ut;

        double vds = vd - vs, clm = 1 + m.Lambda * Math.Abs(vds), sign = Math.Sign(vds);
        return new EkvCurrent(
            Id: i0 * clm,
            Gg: di0Vp * dvp * clm,
            Gd: di0Vd * clm + i0 * m.Lambda * sign,
            Gs: di0Vs * clm - i0 * m.Lambda * sign,
            Vp: vp, Slope: n, ForwardLevel: iff, ReverseLevel: ir);
    }

    /// <summary>
    /// EKV 2.6 quasi-static charges normalised by C_ox·W·L·U_T (x_f,r = √(¼ + i_f,r), n_q = 1 + γ/(2√(V_P + PHI)))
    /// and scaled back to coulombs; below flat band (V_G' ≤ 0) the gate sees the bulk through C_ox alone.
    /// </summary>
    public static EkvCharges Charges(EkvModel m, EkvTemperature t, double cgate, double vg, double vd, double vs)
    {
        double ut = t.ThermalVoltage;
        double vgPrime = vg - t.Vto + t.Phi + m.Gamma * Math.Sqrt(t.Phi);
        var (vp, _) = PinchOff(vg, t, m.Gamma);
        double qd, qs, qb;
        if (vgPrime <= 0)
        {
            qd = qs = 0;
            qb = -vgPrime / ut;
        }
        else
        {
            double xf = Math.Sqrt(0.25 + Interpolation((vp - vs) / ut).F);
            double xr = Math.Sqrt(0.25 + Interpolation((vp - vd) / ut).F);
            double surface = Math.Sqrt(Math.Max(vp + t.Phi, 0) + 1e-6) - 1e-3; // −1e-3: continuous at flat band
            double nq = 1 + m.Gamma / (2 * (surface + 1e-3));
            double sum = xf + xr, sum2 = sum * sum;
            qd = -nq * (4.0 / 15 * (3 * xr * xr * xr + 6 * xr * xr * xf + 4 * xr * xf * xf + 2 * xf * xf * xf) / sum2 - 0.5);
            qs = -nq * (4.0 / 15 * (3 * xf * xf * xf + 6 * xf * xf * xr + 4 * xf * xr * xr + 2 * xr * xr * xr) / sum2 - 0.5);
            qb = -m.Gamma * surface / ut - (nq - 1) / nq * (qd + qs);
        }
        double scale = cgate * ut;
        return new EkvCharges(-(qd + qs + qb) * scale, qd * scale, qs * scale, qb * scale);
    }
}
