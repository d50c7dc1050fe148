using System.Globalization;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>One test sample of the inference experiment: a row of samples.csv (the run's checkpoint).</summary>
public sealed record SampleResult(int Index, int Label, int Prediction, int SoftwarePrediction, int Reads, long OutputSpikes, double Energy, double ResistorEnergy)
{
    public const string Header = "index,label,prediction,software_prediction,reads,output_spikes,energy_j,resistor_energy_j";

    public string ToCsv() => string.Join(",", Index, Label, Prediction, SoftwarePrediction, Reads, OutputSpikes,
        Energy.ToString("R", CultureInfo.InvariantCulture), ResistorEnergy.ToString("R", CultureInfo.InvariantCulture));

    public static SampleResult Parse(string line, string file, int lineNumber)
    {
        var c = line.Split(',');
        try
        {
            if (c.Length != 8) throw new FormatException($"expected 8 columns, found {c.Length}");
            var inv = CultureInfo.InvariantCulture;
            return new SampleResult(int.Parse(c[0], inv), int.Parse(c[1], inv), int.Parse(c[2], inv), int.Parse(c[3], inv),
                int.Parse(c[4], inv), long.Parse(c[5], inv), double.Parse(c[6], inv), double.Parse(c[7], inv));
        }
        catch (FormatException ex)
        {
            throw new ExperimentConfigException($"{file}:{lineNumber}: corrupt checkpoint row ({ex.Message}); delete the file to start over");
        }
    }
}
