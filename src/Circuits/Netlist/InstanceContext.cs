namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// One expanded instance of a definition (the top level is the instance with an empty prefix).
/// Maps local node, element and model names to flattened ones.
/// </summary>
internal sealed class InstanceContext
{
    public required SubcircuitDefinition Definition { get; init; }
    /// <summary>"" at top level, "x1." or "x1.x2." inside instances.</summary>
    public required string Prefix { get; init; }
    public required ParameterScope Scope { get; init; }
    /// <summary>The instance whose body holds the X card that created this one (null at top).</summary>
    public InstanceContext? Caller { get; init; }
    /// <summary>Nearest enclosing instance of the lexically enclosing definition (null at top).</summary>
    public InstanceContext? LexicalParent { get; init; }
    public Dictionary<string, string> PortMap { get; } = new();
    /// <summary>Local model name → flattened name for .model cards in this instance's body.</summary>
    public Dictionary<string, string> LocalModels { get; } = new();

    /// <summary>Suffix for dot-card error messages so users see which instance failed.</summary>
    public string Where => Prefix.Length == 0 ? "" : $" (in instance '{Prefix.TrimEnd('.')}')";

    public string Node(string local)
    {
        local = NodeNames.Normalize(local);
        if (local == "0") return local;
        return PortMap.TryGetValue(local, out var mapped) ? mapped : Prefix + local;
    }

    public string Name(string local) => Prefix + local;

    /// <summary>Model lookup: this instance's own models, then lexically enclosing instances, then global.</summary>
    public string? ResolveModel(string local)
    {
        for (var c = this; c is not null; c = c.LexicalParent)
            if (c.LocalModels.TryGetValue(local, out var flat)) return flat;
        return null;
    }
}
