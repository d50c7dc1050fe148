using System.Globalization;
using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.EventKernel.Tracing;

namespace CircuitNeuro.EventKernel.Tests;

public class TraceRecorderTests
{
    [Fact]
    public void EventsCsv_HasTypeNamesAndRoundTripNumbers()
    {
        var s = new EventScheduler();
        var trace = new TraceRecorder(s.Types);
        var spike = s.Types[StandardEventTypes.Spike];
        var read = s.Types[StandardEventTypes.Read];
        trace.AttachTo(s, spike, read);
        double awkward = 0.1 + 0.2; // 0.30000000000000004: needs 17 digits
        s.Schedule(awkward, spike, target: 3, source: 1, payload: 1.0 / 3.0, intPayload: -2);
        s.Schedule(1e-300, read, target: 9, payload: -0.0);
        s.Run();

        var writer = new StringWriter();
        trace.WriteEventsCsv(writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time,type,target,source,payload,int_payload,priority,sequence", lines[0]);
        Assert.StartsWith("1E-300,Read,9,0,", lines[1]);
        var fields = lines[2].Split(',');
        Assert.Equal("Spike", fields[1]);
        Assert.Equal(BitConverter.DoubleToInt64Bits(awkward), BitConverter.DoubleToInt64Bits(CsvFormat.ParseNumber(fields[0])));
        Assert.Equal(BitConverter.DoubleToInt64Bits(1.0 / 3.0), BitConverter.DoubleToInt64Bits(CsvFormat.ParseNumber(fields[4])));
        Assert.Equal("-2", fields[5]);
    }

    [Fact]
    public void SignalsCsv_IsInvariantCultureEvenUnderCommaDecimalCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // The build runs in globalization-invariant mode, so fake a comma-decimal culture.
            var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            commaCulture.NumberFormat.NumberDecimalSeparator = ",";
            commaCulture.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = commaCulture;
            Assert.Equal("0,5", 0.5.ToString()); // the fake culture is in effect
            var trace = new TraceRecorder(new EventTypeRegistry());
            trace.RecordSignal("v,0", 0.5, -0.065);
            trace.RecordSignal("v,0", 1.5, Math.PI);
            trace.RecordSignal("i", 0.25, 2e-9);
            var writer = new StringWriter();
            trace.WriteSignalsCsv(writer);
            Assert.Equal("signal,time,value\n\"v,0\",0.5,-0.065\n\"v,0\",1.5,3.141592653589793\ni,0.25,2E-09\n", writer.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
