namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// The built-in default experiment and the schema of experiment files (YAML or JSON, keys in
/// snake_case): spiking inference on a resistive crossbar. Pixels are Poisson spike trains; each
/// input spike reads its row of the crossbar (solved with line resistance); the column charges
/// drive LIF output neurons; the class with most output spikes wins. Conductances hold
/// class-mean templates, so the experiment measures what the circuit and the spiking code cost
/// against the ideal software classifier, in accuracy and in energy per read and per sample.
/// </summary>
public sealed class InferenceExperimentConfig
{
    public string Name { get; set; } = "digits-crossbar-inference";
    public ulong Seed { get; set; } = 1;
    public DatasetSection Dataset { get; set; } = new();
    public CrossbarSection Crossbar { get; set; } = new();
    public EncoderSection Encoder { get; set; } = new();
    public NeuronSection Neuron { get; set; } = new();
    /// <summary>Write a checkpoint after this many test samples.</summary>
    public int CheckpointEvery { get; set; } = 25;

    public sealed class DatasetSection
    {
        public string Name { get; set; } = "digits";
        public string Path { get; set; } = Learning.Data.DigitsDataset.DefaultFile;
        /// <summary>Every n-th sample is held out for testing (the rest builds the templates).</summary>
        public int TestEvery { get; set; } = 5;
        /// <summary>Cap on test samples (0 = all).</summary>
        public int MaxTestSamples { get; set; }
    }

    public sealed class CrossbarSection
    {
        /// <summary>Word- and bit-line resistance per cell segment (Ω).</summary>
        public double LineResistance { get; set; } = 2.5;
        /// <summary>Conductance of a zero weight (S): 1 MΩ.</summary>
        public double GMin { get; set; } = 1e-6;
        /// <summary>Conductance of the largest weight (S): 10 kΩ.</summary>
        public double GMax { get; set; } = 1e-4;
        public double ReadVoltage { get; set; } = 0.2;
        public double ReadDuration { get; set; } = 10e-9;
        /// <summary>Device-to-device programming spread: σ of ln G around the programmed value (0 = exact).</summary>
        public double ConductanceSpread { get; set; }
        /// <summary>Fraction of cells stuck at g_max (LRS) whatever they are programmed to.</summary>
        public double StuckOnFraction { get; set; }
        /// <summary>Fraction of cells stuck at g_min (HRS).</summary>
        public double StuckOffFraction { get; set; }
        /// <summary>Programmable levels between g_min and g_max, equally spaced (0 = analog).</summary>
        public int Levels { get; set; }
    }

    public sealed class EncoderSection
    {
        /// <summary>Spike rate of a full-intensity pixel (Hz).</summary>
        public double MaxRate { get; set; } = 200;
        /// <summary>Presentation time of one sample (s).</summary>
        public double Window { get; set; } = 0.05;
    }

    public sealed class NeuronSection
    {
        public double TauMembrane { get; set; } = 20e-3;
        /// <summary>Threshold above rest (V).</summary>
        public double Threshold { get; set; } = 20e-3;
        /// <summary>Absolute refractory period (s): short, so the most driven neuron is not capped at 1/refractory while the others catch up.</summary>
        public double Refractory { get; set; } = 0.1e-3;
        /// <summary>Membrane capacitance that turns a column's read charge into a voltage jump (F).</summary>
        public double Capacitance { get; set; } = 100e-12;
    }

    /// <summary>Rejects values that would make the run meaningless, naming the key.</summary>
    public void Validate()
    {
        void Positive(double v, string key) { if (!(v > 0) || double.IsInfinity(v)) throw new ExperimentConfigException($"{key} must be a positive number (got {v})"); }
        Positive(Crossbar.LineResistance, "crossbar.line_resistance");
        Positive(Crossbar.GMin, "crossbar.g_min");
        Positive(Crossbar.GMax, "crossbar.g_max");
        if (Crossbar.GMax <= Crossbar.GMin) throw new ExperimentConfigException($"crossbar.g_max ({Crossbar.GMax}) must exceed crossbar.g_min ({Crossbar.GMin})");
        Positive(Crossbar.ReadVoltage, "crossbar.read_voltage");
        Positive(Crossbar.ReadDuration, "crossbar.read_duration");
        if (!(Crossbar.ConductanceSpread >= 0)) throw new ExperimentConfigException($"crossbar.conductance_spread must be >= 0 (got {Crossbar.ConductanceSpread})");
        if (!(Crossbar.StuckOnFraction >= 0) || !(Crossbar.StuckOffFraction >= 0) || Crossbar.StuckOnFraction + Crossbar.StuckOffFraction > 1)
            throw new ExperimentConfigException("crossbar.stuck_on_fraction and crossbar.stuck_off_fraction must be >= 0 and add up to <= 1");
        if (Crossbar.Levels < 0 || Crossbar.Levels == 1) throw new ExperimentConfigException($"crossbar.levels must be 0 (analog) or >= 2 (got {Crossbar.Levels})");
        Positive(Encoder.MaxRate, "encoder.max_rate");
        Positive(Encoder.Window, "encoder.window");
        Positive(Neuron.TauMembrane, "neuron.tau_membrane");
        Positive(Neuron.Threshold, "neuron.threshold");
        Positive(Neuron.Capacitance, "neuron.capacitance");
        if (Neuron.Refractory < 0) throw new ExperimentConfigException("neuron.refractory must be >= 0");
        if (Dataset.TestEvery < 2) throw new ExperimentConfigException("dataset.test_every must be >= 2");
        if (Dataset.MaxTestSamples < 0) throw new ExperimentConfigException("dataset.max_test_samples must be >= 0");
        if (CheckpointEvery < 1) throw new ExperimentConfigException("checkpoint_every must be >= 1");
        if (!Dataset.Name.Equals("digits", StringComparison.OrdinalIgnoreCase))
            throw new ExperimentConfigException($"dataset.name '{Dataset.Name}' is not available (available: digits)");
    }
}

public sealed class ExperimentConfigException(string message) : Exception(message);
