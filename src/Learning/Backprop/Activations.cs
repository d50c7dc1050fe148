namespace CircuitNeuro.Learning.Backprop;

/// <summary>
/// The two activations of seed 002 §3.7: the hard sigmoid of the hidden layer (Eq. 2.4 [S L1048], the rate response of
/// EqSpike's LIF neuron) and the logistic sigmoid of the output layer (Eq. 3.11 [S L1856]), with their ideal derivatives.
/// </summary>
public static class Activations
{
    /// <summary>Eq. 2.4: x clipped to [0, 1].</summary>
    public static double HardSigmoid(double x) => x > 1 ? 1 : x > 0 ? x : 0;

    /// <summary>1 inside (0, 1), 0 outside (the kinks take 0: neither side's value is more right).</summary>
    public static double HardSigmoidSlope(double x) => x > 0 && x < 1 ? 1 : 0;

    /// <summary>Eq. 3.11: 1/(1 + e^{−x}).</summary>
    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static double SigmoidSlope(double x)
    {
        double s = Sigmoid(x);
        return s * (1 - s);
    }
}
