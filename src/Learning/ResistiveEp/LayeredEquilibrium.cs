using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.Circuits.Solver;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// Fast operating point of the layered network <see cref="ResistiveEpCircuit"/> lays out, for training at
/// MNIST size. The same circuit, solved by exploiting its structure instead of general MNA:
/// the input sources and the bias rail are known voltages, so their conductances only contribute
/// a drive Σ_i g_ij v_i and a column sum Σ_i g_ij to each receiver (one pass over the big input block per
/// sample); what remains is a small nonlinear system on the hidden and output nodes (amplified nodes
/// eliminated through V(a) = A·V(h), the backward current B·I_a folded into the hidden node's KCL row),
/// solved by Newton with dense LU and SPICE's junction limiting. The diode currents are the engine's
/// own <see cref="Diode.DcCurrent"/> (level-1 equations with gmin), so both paths solve the same equations;
/// the tests check voltages, gradients and energies against the MNA circuit.
/// Unknowns: hidden nodes layer by layer, then outputs o0p, o0n, o1p, … (the layout's order).
/// </summary>
public sealed class LayeredEquilibrium
{
    private const int MaxIterations = 200;
    /// <summary>Newton stops after a step below this (V) without limiting; the error left is ~step²/Vt, far below it.</summary>
    private const double StepTolerance = 1e-10;

    private readonly double[] _g;
    private readonly int[] _senders, _receivers, _weightOffset, _receiverStart, _senderStart;
    private readonly double[] _inputs, _inputRowSums, _columnSums, _drive, _nudge, _m, _jacobian, _residual, _u, _du, _su;
    private readonly int[] _pivots;
    private readonly double[] _zeroPivotFloor; // any non-zero pivot is accepted
    // Newton work arrays: diode conductances per hidden node; for one hidden layer the hidden→output block
    // transposed (U), V scaled by Λ⁻¹, the outputs' Schur complement and its right-hand side.
    private readonly double[] _diodeConductance, _lambdaInverse, _uTransposed, _scaledV, _schur, _outputRhs;
    private readonly Diode _diode;
    private readonly double _isat, _vte, _vcrit, _gmin, _vUp, _vDown, _a, _b;
    private readonly int _hiddenCount;

    /// <param name="conductances">The network's conductances in the layout's weight order; read (not copied) at every <see cref="Prepare"/>.</param>
    public LayeredEquilibrium(ResistiveEpSpec spec, SimulationOptions options, double[] conductances)
    {
        spec.Validate();
        if (spec.DiodeClamps && spec.Diode.Rs > 0)
            throw new ArgumentException($"diode model {spec.Diode.Name}: the layered solver has no series resistance (RS = {spec.Diode.Rs}); use the MNA path");
        Spec = spec;
        int layers = spec.WeightLayers;
        _senders = new int[layers];
        _receivers = new int[layers];
        _weightOffset = new int[layers + 1];
        _receiverStart = new int[layers];
        _senderStart = new int[layers];
        int unknowns = 0;
        for (int l = 0; l < layers; l++)
        {
            _senders[l] = l == 0 ? 2 * spec.Inputs : spec.Hidden[l - 1];
            _receivers[l] = l < spec.Hidden.Length ? spec.Hidden[l] : 2 * spec.Outputs;
            _weightOffset[l + 1] = _weightOffset[l] + (_senders[l] + 1) * _receivers[l];
            _senderStart[l] = l == 0 ? -1 : _receiverStart[l - 1];
            _receiverStart[l] = unknowns;
            unknowns += _receivers[l];
        }
        if (conductances.Length != _weightOffset[layers])
            throw new ArgumentException($"expected {_weightOffset[layers]} conductances, got {conductances.Length}");
        _g = conductances;
        Unknowns = unknowns;
        _hiddenCount = spec.Hidden.Sum();
        _inputs = new double[_senders[0]];
        _inputRowSums = new double[_senders[0] + 1];
        _columnSums = new double[unknowns];
        _drive = new double[unknowns];
        _du = new double[_receivers.Max()];
        _su = new double[_receivers.Max()];
        _nudge = new double[unknowns];
        _m = new double[unknowns * unknowns];
        _jacobian = new double[unknowns * unknowns];
        _residual = new double[unknowns];
        _u = new double[unknowns];
        _pivots = new int[unknowns];
        _zeroPivotFloor = new double[unknowns];
        _diodeConductance = new double[unknowns];
        _lambdaInverse = new double[unknowns];
        int outputs = _receivers[^1], hidden = unknowns - outputs;
        _uTransposed = new double[outputs * hidden];
        _scaledV = new double[outputs * hidden];
        _schur = new double[outputs * outputs];
        _outputRhs = new double[outputs];
        _a = spec.AmplifierGain;
        _b = spec.Backward;
        _diode = new Diode("dclamp", "h", "rail", spec.Diode);
        _vte = spec.Diode.N * Physics.ThermalVoltage(options.Temperature);
        _isat = spec.Diode.SaturationCurrent(options.Temperature, options.NominalTemperature);
        _vcrit = Junction.CriticalVoltage(_vte, _isat);
        _gmin = options.Gmin;
        _vUp = spec.UpperClampRail;
        _vDown = spec.LowerClampRail;
    }

    public ResistiveEpSpec Spec { get; }
    public int Unknowns { get; }
    /// <summary>Present node voltages (hidden, then outputs); also the Newton start of the next solve.</summary>
    public Span<double> Solution => _u;
    /// <summary>Newton iterations of the last <see cref="Solve"/>.</summary>
    public int LastIterations { get; private set; }

    public int WeightLayers => _senders.Length;
    /// <summary>Senders of weight layer l (without the bias rail, which is the last row).</summary>
    public int Senders(int layer) => _senders[layer];
    public int Receivers(int layer) => _receivers[layer];
    /// <summary>Offset of weight layer l in the flat conductance array (row-major: sender, then receiver).</summary>
    public int WeightOffset(int layer) => _weightOffset[layer];
    public int ReceiverStart(int layer) => _receiverStart[layer];
    public int OutputPlus(int c) => _receiverStart[^1] + 2 * c;
    public int OutputMinus(int c) => _receiverStart[^1] + 2 * c + 1;

    /// <summary>Name of unknown k in the layout (h{k}_{j}, o{c}p, o{c}n), for comparisons with the MNA circuit.</summary>
    public string NodeName(int unknown)
    {
        for (int l = 0; l < WeightLayers - 1; l++)
            if (unknown < _receiverStart[l] + _receivers[l]) return ResistiveEpCircuit.HiddenNode(l, unknown - _receiverStart[l]);
        int o = unknown - _receiverStart[^1];
        return $"o{o / 2}{(o % 2 == 0 ? 'p' : 'n')}";
    }

    /// <summary>
    /// Loads a sample's inputs (±s·x) and the present conductances: the drive of the known voltages
    /// and the linear part of the Jacobian. Call again after the conductances change.
    /// </summary>
    public void Prepare(ReadOnlySpan<double> x)
    {
        if (x.Length != Spec.Inputs) throw new ArgumentException($"expected {Spec.Inputs} inputs, got {x.Length}");
        for (int i = 0; i < x.Length; i++)
        {
            _inputs[2 * i] = Spec.InputScale * x[i];
            _inputs[2 * i + 1] = -Spec.InputScale * x[i];
        }
        Array.Clear(_drive);
        Array.Clear(_columnSums);
        Array.Clear(_m);
        int n = Unknowns;
        for (int l = 0; l < WeightLayers; l++)
        {
            int m = _receivers[l], r0 = _receiverStart[l], senders = _senders[l];
            var drive = _drive.AsSpan(r0, m);
            var sums = _columnSums.AsSpan(r0, m);
            for (int i = 0; i <= senders; i++)
            {
                var row = Row(l, i);
                bool bias = i == senders;
                double rowSum = VectorKernels.AddAndSum(sums, row);
                if (l == 0 && !bias)
                {
                    _inputRowSums[i] = rowSum;
                    if (_inputs[i] != 0) VectorKernels.AddScaled(drive, row, _inputs[i]);
                }
                else if (bias)
                {
                    if (l == 0) _inputRowSums[i] = rowSum;
                    VectorKernels.AddScaled(drive, row, Spec.BiasVoltage);
                }
                else
                {
                    // Hidden sender h (via its amplifier): g(A·h − u_j) leaves a, B times that leaves h.
                    int h = _senderStart[l] + i;
                    _m[h * n + h] += _b * _a * rowSum;
                    for (int j = 0; j < m; j++)
                    {
                        _m[h * n + r0 + j] -= _b * row[j];
                        _m[(r0 + j) * n + h] -= _a * row[j];
                    }
                }
            }
            for (int j = 0; j < m; j++) _m[(r0 + j) * n + r0 + j] += sums[j];
        }
        if (WeightLayers == 2)
        {
            int H = _hiddenCount, O = n - H;
            for (int o = 0; o < O; o++)
                for (int h = 0; h < H; h++) _uTransposed[o * H + h] = _m[h * n + H + o];
        }
    }

    private Span<double> Row(int layer, int sender) =>
        _g.AsSpan(_weightOffset[layer] + sender * _receivers[layer], _receivers[layer]);

    /// <summary>Injects I_c into o_c⁺ and −I_c into o_c⁻ (empty: no nudge).</summary>
    public void SetNudge(ReadOnlySpan<double> currents)
    {
        for (int c = 0; c < Spec.Outputs; c++)
        {
            double i = currents.IsEmpty ? 0 : currents[c];
            _nudge[OutputPlus(c)] = i;
            _nudge[OutputMinus(c)] = -i;
        }
    }

    /// <summary>Newton from the present solution; throws if it does not converge.</summary>
    public void Solve()
    {
        int n = Unknowns;
        if (Spec.DiodeClamps) Predict();
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            // F(u) = M·u − drive − nudge + diode currents; J = M + diag(diode conductances).
            for (int p = 0; p < n; p++)
                _residual[p] = VectorKernels.Dot(_m.AsSpan(p * n, n), _u) - _drive[p] - _nudge[p];
            if (Spec.DiodeClamps)
                for (int h = 0; h < _hiddenCount; h++)
                {
                    var (i, g) = ClampCurrent(_u[h]);
                    _residual[h] += i;
                    _diodeConductance[h] = g;
                }
            for (int p = 0; p < n; p++) _residual[p] = -_residual[p];
            if (WeightLayers == 2) SolveByOutputSchur();
            else SolveDense();

            bool limited = false;
            double largest = 0;
            for (int p = 0; p < n; p++)
            {
                double next = _u[p] + _residual[p];
                if (Spec.DiodeClamps && p < _hiddenCount) next = LimitJunctions(next, _u[p], ref limited);
                largest = Math.Max(largest, Math.Abs(next - _u[p]));
                _u[p] = next;
            }
            if (!double.IsFinite(largest)) break;
            if (!limited && largest <= StepTolerance)
            {
                LastIterations = iteration;
                return;
            }
        }
        throw new InvalidOperationException($"layered EP equilibrium: Newton did not converge in {MaxIterations} iterations");
    }

    private void Factor(Span<double> matrix, int n)
    {
        int singular = DenseLu.FactorInPlace(matrix, n, _pivots, _zeroPivotFloor, out _, out _);
        if (singular >= 0)
            throw new InvalidOperationException($"layered EP equilibrium: singular Jacobian at column {singular} (a node without any conductance?)");
    }

    /// <summary>J·δ = residual by dense LU (two or more hidden layers); δ replaces the residual.</summary>
    private void SolveDense()
    {
        int n = Unknowns;
        Array.Copy(_m, _jacobian, _m.Length);
        for (int h = 0; h < _hiddenCount; h++) _jacobian[h * n + h] += _diodeConductance[h];
        Factor(_jacobian, n);
        DenseLu.SolveInPlace(_jacobian, n, _pivots, _residual);
    }

    /// <summary>
    /// J·δ = residual for one hidden layer, where J = [Λ U; V D] with Λ (hidden) and D (outputs) diagonal:
    /// hidden nodes couple only through the outputs. Eliminating the hidden block leaves the outputs'
    /// Schur complement S = D − V·Λ⁻¹·U (2C × 2C): O(H·C²) per step instead of O((H + 2C)³).
    /// </summary>
    private void SolveByOutputSchur()
    {
        int n = Unknowns, H = _hiddenCount, O = n - H;
        var lambdaInverse = _lambdaInverse.AsSpan(0, H);
        for (int h = 0; h < H; h++) lambdaInverse[h] = 1 / (_m[h * n + h] + _diodeConductance[h]);
        for (int o = 0; o < O; o++)
        {
            var scaled = _scaledV.AsSpan(o * H, H);
            var v = _m.AsSpan((H + o) * n, H);
            for (int h = 0; h < H; h++) scaled[h] = v[h] * lambdaInverse[h];
        }
        for (int a = 0; a < O; a++)
        {
            var scaled = _scaledV.AsSpan(a * H, H);
            for (int b = 0; b < O; b++)
                _schur[a * O + b] = (a == b ? _m[(H + a) * n + H + a] : 0) - VectorKernels.Dot(scaled, _uTransposed.AsSpan(b * H, H));
            _outputRhs[a] = _residual[H + a] - VectorKernels.Dot(scaled, _residual.AsSpan(0, H));
        }
        Factor(_schur, O);
        DenseLu.SolveInPlace(_schur, O, _pivots, _outputRhs);
        var hidden = _residual.AsSpan(0, H);
        for (int o = 0; o < O; o++) VectorKernels.AddScaled(hidden, _uTransposed.AsSpan(o * H, H), -_outputRhs[o]);
        for (int h = 0; h < H; h++) hidden[h] *= lambdaInverse[h];
        _outputRhs.AsSpan(0, O).CopyTo(_residual.AsSpan(H));
    }

    /// <summary>
    /// Newton start close to the equilibrium: one nonlinear Jacobi sweep over the hidden nodes (each node's
    /// own KCL solved exactly for its voltage, the others held), then the outputs from theirs. Hidden nodes
    /// couple to each other only through the next layer's conductances, far smaller than their input block's,
    /// so the sweep lands near the solution and Newton needs few, unlimited steps.
    /// </summary>
    private void Predict()
    {
        int n = Unknowns;
        for (int h = 0; h < _hiddenCount; h++)
        {
            double diagonal = _m[h * n + h];
            double rest = _drive[h] + _nudge[h] - (VectorKernels.Dot(_m.AsSpan(h * n, n), _u) - diagonal * _u[h]);
            _residual[h] = SolveNode(diagonal, rest, _u[h]);
        }
        _residual.AsSpan(0, _hiddenCount).CopyTo(_u);
        for (int o = _hiddenCount; o < n; o++)
        {
            double diagonal = _m[o * n + o];
            _u[o] = (_drive[o] + _nudge[o] - (VectorKernels.Dot(_m.AsSpan(o * n, n), _u) - diagonal * _u[o])) / diagonal;
        }
    }

    /// <summary>Root of a·v + clamp current(v) = b (increasing in v), by scalar Newton with junction limiting from v.</summary>
    private double SolveNode(double a, double b, double v)
    {
        for (int k = 0; k < MaxIterations; k++)
        {
            var (i, g) = ClampCurrent(v);
            bool limited = false;
            double next = LimitJunctions(v - (a * v + i - b) / (a + g), v, ref limited);
            if (!limited && Math.Abs(next - v) <= StepTolerance) return next;
            v = next;
        }
        return v;
    }

    /// <summary>Current leaving a hidden node through its clamp pair, and its conductance.</summary>
    private (double Current, double Conductance) ClampCurrent(double v)
    {
        var (iu, gu) = _diode.DcCurrent(v - _vUp, _isat, _vte, _gmin);
        var (id, gd) = _diode.DcCurrent(_vDown - v, _isat, _vte, _gmin);
        return (iu - id, gu + gd);
    }

    /// <summary>SPICE pnjlim on both clamp diodes of a hidden node (each only ever shortens a forward step).</summary>
    private double LimitJunctions(double next, double present, ref bool limited)
    {
        double up = Junction.Limit(next - _vUp, present - _vUp, _vte, _vcrit, out bool l1) + _vUp;
        double down = _vDown - Junction.Limit(_vDown - up, _vDown - present, _vte, _vcrit, out bool l2);
        limited |= l1 | l2;
        return down;
    }

    /// <summary>Doubled outputs d_c = V(o_c⁺) − V(o_c⁻).</summary>
    public void Outputs(Span<double> d)
    {
        for (int c = 0; c < Spec.Outputs; c++) d[c] = _u[OutputPlus(c)] - _u[OutputMinus(c)];
    }

    /// <summary>Voltage of sender i of weight layer l in the state <paramref name="u"/>: an input, the bias rail, or an amplified hidden node.</summary>
    private double SenderVoltage(ReadOnlySpan<double> u, int layer, int i) =>
        i == _senders[layer] ? Spec.BiasVoltage : layer == 0 ? _inputs[i] : _a * u[_senderStart[layer] + i];

    /// <summary>
    /// EP gradient from two states p and q: into[k] = factor_l·[(ΔV_k^p)² − (ΔV_k^q)²]/divisor for every
    /// weight k in layout order, factor_l = <see cref="EpGradient.LayerFactor"/>. With ΔV = v_i − u_j the
    /// difference of squares is (Δv_i − Δu_j)(Σv_i − Σu_j), Δ and Σ over the two states: one rank-structured
    /// row operation per sender. Centered: p = +β, q = −β, divisor 4β; one-sided: p = β, q = free, divisor 2β.
    /// </summary>
    public void Gradient(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double divisor, Span<double> into)
    {
        for (int l = 0; l < WeightLayers; l++)
        {
            int m = _receivers[l], r0 = _receiverStart[l];
            Span<double> du = _du.AsSpan(0, m), su = _su.AsSpan(0, m);
            for (int j = 0; j < m; j++) { du[j] = p[r0 + j] - q[r0 + j]; su[j] = p[r0 + j] + q[r0 + j]; }
            double k = EpGradient.LayerFactor(Spec, l) / divisor;
            for (int i = 0; i <= _senders[l]; i++)
            {
                double vp = SenderVoltage(p, l, i), vq = SenderVoltage(q, l, i);
                VectorKernels.DifferenceOfSquares(into.Slice(_weightOffset[l] + i * m, m), k, vp - vq, du, vp + vq, su);
            }
        }
    }

    /// <summary>Power absorbed at the present solution, by element class; their sum is what the independent sources deliver.</summary>
    public PhasePower Power()
    {
        // Weights: Σ g(v − u)². Input block from its row and column sums: Σ_i v_i² r_i − 2Σ_j u_j·drive_j + Σ_j u_j² c_j.
        double resistors = 0;
        int m0 = _receivers[0];
        for (int i = 0; i <= _senders[0]; i++)
        {
            double v = SenderVoltage(_u, 0, i);
            resistors += v * v * _inputRowSums[i];
        }
        for (int j = 0; j < m0; j++)
        {
            double u = _u[j];
            resistors += u * u * _columnSums[j] - 2 * u * _drive[j];
        }
        for (int l = 1; l < WeightLayers; l++)
            for (int i = 0; i <= _senders[l]; i++)
            {
                var row = Row(l, i);
                double v = SenderVoltage(_u, l, i);
                for (int j = 0; j < row.Length; j++)
                {
                    double drop = v - _u[_receiverStart[l] + j];
                    resistors += row[j] * drop * drop;
                }
            }
        // Amplifiers: the VCVS absorbs −A·h·I_a, the CCCS B·h·I_a, I_a = current the VCVS delivers downstream.
        double amplifiers = 0, diodes = 0;
        for (int l = 1; l < WeightLayers; l++)
            for (int i = 0; i < _senders[l]; i++)
            {
                int h = _senderStart[l] + i;
                double ia = 0, vh = _u[h];
                var row = Row(l, i);
                for (int j = 0; j < row.Length; j++) ia += row[j] * (_a * vh - _u[_receiverStart[l] + j]);
                amplifiers += (_b - _a) * vh * ia;
            }
        if (Spec.DiodeClamps)
            for (int h = 0; h < _hiddenCount; h++)
            {
                double v = _u[h];
                diodes += (v - _vUp) * _diode.DcCurrent(v - _vUp, _isat, _vte, _gmin).Current
                          + (_vDown - v) * _diode.DcCurrent(_vDown - v, _isat, _vte, _gmin).Current;
            }
        return new PhasePower(resistors, diodes, amplifiers);
    }
}

/// <summary>Power absorbed by each element class at one equilibrium (W); <see cref="Delivered"/> is what the independent sources give.</summary>
public readonly record struct PhasePower(double Resistors, double Diodes, double Amplifiers)
{
    public double Delivered => Resistors + Diodes + Amplifiers;
}
