using CircuitNeuro.Cli.Sweeps;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>Reads and writes pulse-study files (YAML, or JSON as its subset; snake_case keys; unknown keys rejected).</summary>
public static class PulseStudyFile
{
    public static PulseStudyConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ExperimentConfigException($"{path}: experiment file not found");
        return Parse(File.ReadAllText(path), path);
    }

    public static PulseStudyConfig Parse(string yaml, string source)
    {
        var cfg = ConfigYaml.Deserialize<PulseStudyConfig>(yaml, source);
        try
        {
            cfg.Validate();
        }
        catch (ExperimentConfigException ex)
        {
            throw new ExperimentConfigException($"{source}: {ex.Message}");
        }
        return cfg;
    }

    public static string ToYaml(PulseStudyConfig cfg) => ConfigYaml.Serialize(cfg);
}
