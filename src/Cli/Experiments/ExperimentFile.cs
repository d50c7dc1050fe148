using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>Reads and writes experiment files: YAML (JSON is accepted as the YAML subset it is), snake_case keys, unknown keys rejected.</summary>
public static class ExperimentFile
{
    public static InferenceExperimentConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ExperimentConfigException($"{path}: experiment file not found");
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            var cfg = deserializer.Deserialize<InferenceExperimentConfig>(File.ReadAllText(path)) ?? new InferenceExperimentConfig();
            cfg.Validate();
            return cfg;
        }
        catch (YamlException ex)
        {
            // YamlDotNet's message names the key; its Start mark gives line and column.
            string why = ex.InnerException?.Message ?? ex.Message;
            throw new ExperimentConfigException($"{path}:{ex.Start.Line}:{ex.Start.Column}: {why}");
        }
        catch (ExperimentConfigException ex)
        {
            throw new ExperimentConfigException($"{path}: {ex.Message}");
        }
    }

    public static string ToYaml(InferenceExperimentConfig cfg) =>
        new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Serialize(cfg);
}
