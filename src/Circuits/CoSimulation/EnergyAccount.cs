using CircuitNeuro.Circuits.Results;

namespace CircuitNeuro.Circuits.CoSimulation;

/// <summary>
/// Attributes the circuit's energy to activities. A window opens at an event (read start,
/// pulse start, sample start) and closes at another; the energy integrated by the ledger in
/// between is that activity's. Windows of different activities may overlap; then each sees the
/// whole energy of its own window (no splitting is guessed), which the report states.
/// </summary>
public sealed class EnergyAccount
{
    private readonly EnergyLedger _ledger;
    private readonly Func<double> _now;
    private readonly Dictionary<long, (string Activity, double Start, double[] Snapshot)> _open = new();
    private readonly List<EventEnergy> _closed = new();
    private long _nextId;

    internal EnergyAccount(EnergyLedger ledger, Func<double> now)
    {
        _ledger = ledger;
        _now = now;
    }

    public IReadOnlyList<EventEnergy> Windows => _closed;

    /// <summary>Opens a window at the present time; returns its id for <see cref="Close"/>.</summary>
    public long Open(string activity)
    {
        long id = _nextId++;
        _open[id] = (activity, _now(), _ledger.Snapshot());
        return id;
    }

    /// <param name="end">End time to record when it differs from the present time (a quasi-static pulse's own duration).</param>
    public EventEnergy Close(long id, double? end = null)
    {
        if (!_open.Remove(id, out var w)) throw new InvalidOperationException($"energy window {id} is not open");
        var now = _ledger.Energies;
        var byCategory = new SortedDictionary<string, double>();
        double delivered = 0;
        for (int i = 0; i < now.Count; i++)
        {
            double e = now[i] - w.Snapshot[i];
            string category = _ledger.Elements[i].Category;
            byCategory[category] = byCategory.GetValueOrDefault(category) + e;
            if (category == "source") delivered -= e;
        }
        var record = new EventEnergy(w.Activity, w.Start, end ?? _now(), delivered, byCategory);
        _closed.Add(record);
        return record;
    }

    /// <summary>Count, total and mean delivered energy of every activity.</summary>
    public IReadOnlyList<(string Activity, int Count, double Total, double Mean)> Summary() =>
        _closed.GroupBy(w => w.Activity)
            .Select(g => (g.Key, g.Count(), g.Sum(w => w.Delivered), g.Average(w => w.Delivered)))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
}
