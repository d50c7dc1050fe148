using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.EventKernel.Tracing;

/// <summary>
/// Records dispatched events and named signal samples in memory and writes them as CSV with exact
/// (round-trip) numbers, so a trace can be diffed bit for bit between runs.
/// </summary>
public sealed class TraceRecorder
{
    private readonly EventTypeRegistry _types;
    private readonly List<SimEvent> _events = [];
    private readonly Dictionary<string, SignalSeries> _signals = new(StringComparer.Ordinal);
    private readonly List<string> _signalOrder = []; // first-recorded order, deterministic

    public TraceRecorder(EventTypeRegistry types) => _types = types;

    public IReadOnlyList<SimEvent> Events => _events;

    public IReadOnlyList<string> SignalNames => _signalOrder;

    /// <summary>Registers a recording handler for each given type (after any handlers already registered).</summary>
    public void AttachTo(EventScheduler scheduler, params EventTypeId[] types)
    {
        foreach (var type in types) scheduler.On(type, RecordEvent);
    }

    public void RecordEvent(in SimEvent e) => _events.Add(e);

    public void RecordSignal(string name, double time, double value)
    {
        if (!_signals.TryGetValue(name, out var series))
        {
            series = new SignalSeries(name);
            _signals.Add(name, series);
            _signalOrder.Add(name);
        }
        series.Add(time, value);
    }

    public SignalSeries Signal(string name) =>
        _signals.TryGetValue(name, out var s) ? s : throw new KeyNotFoundException($"No signal named '{name}' was recorded.");

    public void Clear()
    {
        _events.Clear();
        _signals.Clear();
        _signalOrder.Clear();
    }

    /// <summary>Columns: time,type,target,source,payload,int_payload,priority,sequence.</summary>
    public void WriteEventsCsv(TextWriter writer)
    {
        writer.Write("time,type,target,source,payload,int_payload,priority,sequence\n");
        foreach (var e in _events)
        {
            writer.Write(CsvFormat.Number(e.Time)); writer.Write(',');
            writer.Write(CsvFormat.Field(_types.NameOf(e.Type))); writer.Write(',');
            writer.Write(CsvFormat.Number(e.Target)); writer.Write(',');
            writer.Write(CsvFormat.Number(e.Source)); writer.Write(',');
            writer.Write(CsvFormat.Number(e.Payload)); writer.Write(',');
            writer.Write(CsvFormat.Number(e.IntPayload)); writer.Write(',');
            writer.Write(CsvFormat.Number(e.Priority)); writer.Write(',');
            writer.Write(CsvFormat.Number(e.Sequence)); writer.Write('\n');
        }
    }

    /// <summary>Long format, one row per sample: signal,time,value (signals in first-recorded order).</summary>
    public void WriteSignalsCsv(TextWriter writer)
    {
        writer.Write("signal,time,value\n");
        foreach (var name in _signalOrder)
        {
            var series = _signals[name];
            string field = CsvFormat.Field(name);
            for (int i = 0; i < series.Count; i++)
            {
                writer.Write(field); writer.Write(',');
                writer.Write(CsvFormat.Number(series.Times[i])); writer.Write(',');
                writer.Write(CsvFormat.Number(series.Values[i])); writer.Write('\n');
            }
        }
    }

    public void WriteEventsCsv(string path)
    {
        using var writer = new StreamWriter(path);
        WriteEventsCsv(writer);
    }

    public void WriteSignalsCsv(string path)
    {
        using var writer = new StreamWriter(path);
        WriteSignalsCsv(writer);
    }
}
