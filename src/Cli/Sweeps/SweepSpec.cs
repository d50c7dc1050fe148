using System.Globalization;
using System.Text.RegularExpressions;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.Cli.Experiments;

namespace CircuitNeuro.Cli.Sweeps;

/// <summary>One --set: a key and the values of the grid along it (kept as text: the experiment file's types decide).</summary>
public sealed record GridAxis(string Key, IReadOnlyList<string> Values);

/// <summary>One --sample: a key and the distribution its values are drawn from.</summary>
public sealed record SampledAxis(string Key, string Text, ParameterDistribution Distribution);

/// <summary>Parses the --set and --sample arguments of `sweep`.</summary>
public static partial class SweepSpec
{
    /// <summary>"key=v1,v2,v3"; commas inside brackets or braces belong to the value (a list: pulse.pwl_times=[0,0.5,1]).</summary>
    public static GridAxis ParseSet(string text)
    {
        var (key, values) = SplitKey(text, "--set", "key=v1,v2,...");
        var list = SplitTopLevel(values);
        if (list.Any(v => v.Length == 0)) throw new ExperimentConfigException($"--set {text}: empty value in the list");
        return new GridAxis(key, list);
    }

    /// <summary>"key=normal(mu,sigma)", "key=uniform(a,b)" or "key=lognormal(mu,sigma)" (mu, sigma of ln x).</summary>
    public static SampledAxis ParseSample(string text)
    {
        var (key, spec) = SplitKey(text, "--sample", "key=normal(mu,sigma)|uniform(a,b)|lognormal(mu,sigma)");
        var m = DistributionPattern().Match(spec);
        if (!m.Success)
            throw new ExperimentConfigException($"--sample {text}: expected normal(mu,sigma), uniform(a,b) or lognormal(mu,sigma)");
        double Number(int group) => double.TryParse(m.Groups[group].Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v : throw new ExperimentConfigException($"--sample {text}: '{m.Groups[group].Value.Trim()}' is not a number");
        double a = Number(2), b = Number(3);
        ParameterDistribution d = m.Groups[1].Value.ToLowerInvariant() switch
        {
            "normal" when b >= 0 => new NormalDistribution(a, b),
            "lognormal" when b >= 0 => new LogNormalDistribution(a, b),
            "uniform" when b > a => new UniformDistribution(a, b),
            "uniform" => throw new ExperimentConfigException($"--sample {text}: uniform(a,b) needs a < b"),
            _ => throw new ExperimentConfigException($"--sample {text}: sigma must be >= 0"),
        };
        return new SampledAxis(key, spec.Trim(), d);
    }

    private static (string Key, string Value) SplitKey(string text, string option, string form)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1) throw new ExperimentConfigException($"{option} {text}: expected {form}");
        string key = text[..eq].Trim();
        if (key.Split('.').Any(p => p.Length == 0)) throw new ExperimentConfigException($"{option} {text}: '{key}' is not a dotted key");
        return (key, text[(eq + 1)..]);
    }

    private static List<string> SplitTopLevel(string values)
    {
        var list = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < values.Length; i++)
        {
            char c = values[i];
            if (c is '[' or '{' or '(') depth++;
            else if (c is ']' or '}' or ')') depth--;
            else if (c == ',' && depth == 0)
            {
                list.Add(values[start..i].Trim());
                start = i + 1;
            }
        }
        list.Add(values[start..].Trim());
        return list;
    }

    [GeneratedRegex(@"^\s*(normal|uniform|lognormal)\s*\(([^,()]+),([^,()]+)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DistributionPattern();
}
