namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>
/// Maps event-type names to dense ids. Ids depend only on registration order, so a model that
/// registers its types in the same order gets the same ids in every run (needed for checkpoints).
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, EventTypeId> _ids = new(StringComparer.Ordinal);

    /// <summary>Creates a registry that already holds <see cref="StandardEventTypes.All"/>.</summary>
    public EventTypeRegistry()
    {
        foreach (var name in StandardEventTypes.All) Register(name);
    }

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>Returns the id for <paramref name="name"/>, registering it if new (idempotent).</summary>
    public EventTypeId Register(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_ids.TryGetValue(name, out var existing)) return existing;
        var id = new EventTypeId(_names.Count);
        _names.Add(name);
        _ids.Add(name, id);
        return id;
    }

    /// <summary>Id of an already registered type; throws <see cref="KeyNotFoundException"/> naming it otherwise.</summary>
    public EventTypeId this[string name] =>
        _ids.TryGetValue(name, out var id) ? id : throw new KeyNotFoundException($"Event type '{name}' is not registered.");

    public bool TryGet(string name, out EventTypeId id) => _ids.TryGetValue(name, out id);

    public bool IsRegistered(EventTypeId id) => (uint)id.Value < (uint)_names.Count;

    public string NameOf(EventTypeId id) => NameOf(id.Value);

    public string NameOf(int typeValue) =>
        (uint)typeValue < (uint)_names.Count ? _names[typeValue] : $"<unregistered type {typeValue}>";
}
