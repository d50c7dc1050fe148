using CircuitNeuro.Cli.Experiments;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CircuitNeuro.Cli.Sweeps;

/// <summary>Typed experiment configurations to and from YAML: snake_case keys, unknown keys rejected, errors with line and column.</summary>
public static class ConfigYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
    private static readonly ISerializer Serializer = new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    /// <summary>The configuration in <paramref name="yaml"/> (not validated); <paramref name="source"/> names it in errors (null: no location).</summary>
    public static T Deserialize<T>(string yaml, string? source) where T : new()
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml) ?? new T();
        }
        catch (YamlException ex)
        {
            // YamlDotNet's inner message names the key or the value that failed.
            string why = ex.InnerException?.Message ?? ex.Message;
            throw new ExperimentConfigException(source is null ? $"wrong type of value: {why}" : $"{source}:{ex.Start.Line}:{ex.Start.Column}: {why}");
        }
    }

    public static string Serialize(object config) => Serializer.Serialize(config);

    /// <summary>The key as it appears in the files for a C# property name (SlopePositive → slope_positive).</summary>
    public static string KeyOf(string propertyName) => UnderscoredNamingConvention.Instance.Apply(propertyName);
}
