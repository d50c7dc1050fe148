using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CircuitNeuro.Cli.Sweeps;

/// <summary>
/// An experiment configuration as a YAML tree, so any key can be overridden by its dotted path
/// (crossbar.line_resistance, variability.device_to_device.0.spread) without code per key: the typed
/// configuration is serialised to this tree, edited, and deserialised again, which also checks the value's type.
/// </summary>
public sealed class ConfigTree
{
    private readonly YamlMappingNode _root;

    private ConfigTree(YamlMappingNode root) => _root = root;

    public static ConfigTree Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new Experiments.ExperimentConfigException($"{source}:{ex.Start.Line}:{ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}");
        }
        if (stream.Documents.Count == 0) return new ConfigTree(new YamlMappingNode());
        return stream.Documents[0].RootNode is YamlMappingNode root
            ? new ConfigTree(root)
            : throw new Experiments.ExperimentConfigException($"{source}: an experiment file must be a mapping of keys to values");
    }

    /// <summary>The scalar at the top-level key, or null.</summary>
    public string? TopLevelScalar(string key) =>
        _root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

    public bool HasTopLevelKey(string key) => _root.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>
    /// A copy with the value at <paramref name="dottedKey"/> replaced. The key must exist already (the tree comes
    /// from a full serialisation, so every known key does): a typo is reported with the keys that do exist there.
    /// A value in brackets or braces is YAML flow syntax (a list or mapping); anything else is a plain scalar.
    /// </summary>
    public ConfigTree With(string dottedKey, string value)
    {
        var copy = Parse(ToYaml(), "(configuration)");
        YamlNode parent = copy._root;
        var parts = dottedKey.Split('.');
        string where = "the top level";
        for (int k = 0; k < parts.Length; k++)
        {
            bool last = k == parts.Length - 1;
            string part = parts[k];
            switch (parent)
            {
                case YamlMappingNode map:
                {
                    var name = new YamlScalarNode(part);
                    if (!map.Children.TryGetValue(name, out var child))
                        throw UnknownKey(dottedKey, part, where, map.Children.Keys.OfType<YamlScalarNode>().Select(n => n.Value!));
                    if (last) map.Children[name] = ValueNode(value);
                    else parent = child;
                    break;
                }
                case YamlSequenceNode seq:
                {
                    if (!int.TryParse(part, out int index) || index < 0 || index >= seq.Children.Count)
                        throw new Experiments.ExperimentConfigException(
                            $"unknown key '{dottedKey}': {where} is a list of {seq.Children.Count}, '{part}' is not an index in it (0 … {seq.Children.Count - 1})");
                    if (last) seq.Children[index] = ValueNode(value);
                    else parent = seq.Children[index];
                    break;
                }
                default:
                    throw new Experiments.ExperimentConfigException($"unknown key '{dottedKey}': {where} is a value, it has no key '{part}'");
            }
            where = string.Join('.', parts[..(k + 1)]);
        }
        return copy;
    }

    public string ToYaml()
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(_root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static Experiments.ExperimentConfigException UnknownKey(string key, string part, string where, IEnumerable<string> known) =>
        new($"unknown key '{key}': {where} has no '{part}' (it has: {string.Join(", ", known)})");

    private static YamlNode ValueNode(string text)
    {
        string t = text.Trim();
        if (t.StartsWith('[') || t.StartsWith('{'))
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(t));
            }
            catch (YamlException ex)
            {
                throw new Experiments.ExperimentConfigException($"value '{text}' is not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
            }
            return stream.Documents[0].RootNode;
        }
        return new YamlScalarNode(t);
    }
}
