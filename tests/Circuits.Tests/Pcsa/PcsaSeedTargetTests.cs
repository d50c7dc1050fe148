using CircuitNeuro.Circuits.Builders.Pcsa;
using static CircuitNeuro.Circuits.Tests.Pcsa.PcsaTestModels;

namespace CircuitNeuro.Circuits.Tests.Pcsa;

/// <summary>
/// The transistor-level PCSA + 2T2R on our engine (EKV cards) against the seed's numbers (seed 000 §4.2–4.4,
/// notes 000 §1.12 acceptance criteria). These can fail: each one is a published number, not a property of the code.
/// </summary>
public class PcsaSeedTargetTests
{
    [Fact]
    public void Fig_4_3_LRS_HRS_resolves_under_50ns_and_HRS_HRS_takes_over_200ns()
    {
        // S L1460: 5 kΩ/350 kΩ "less than 50 ns", 320 kΩ/350 kΩ "more than 200 ns", at 1.2 V.
        var fast = PcsaSimulator.Run(Design(5e3, 350e3), PcsaRun.Delay(Design(), 1e-6));
        var slow = PcsaSimulator.Run(Design(320e3, 350e3), PcsaRun.Delay(Design(), 1e-6));
        Assert.Equal(1, fast.Weight);
        Assert.InRange(fast.ResolutionTime, 1e-9, 50e-9);
        Assert.Equal(0, slow.Weight);
        Assert.InRange(slow.ResolutionTime, 200e-9, 1e-6);
    }

    [Theory]
    [InlineData(5e3, 1e6, 1)]      // one device below 10 kΩ: ±1 (S L1484)
    [InlineData(1e6, 8e3, -1)]
    [InlineData(9e3, 100e3, 1)]
    [InlineData(100e3, 9e3, -1)]
    [InlineData(100e3, 1e6, 0)]    // both above 100 kΩ: 0
    [InlineData(1e6, 110e3, 0)]
    [InlineData(150e3, 120e3, 0)]
    public void Three_regions_at_50ns(double rbl, double rblb, int weight)
    {
        Assert.Equal(weight, Read(Design(rbl, rblb)).Weight);
    }

    [Fact]
    public void Frontier_stays_in_10_to_100_kOhm_at_all_three_corners_and_rises_at_the_fast_one()
    {
        // S L1509: "remains firmly within the 10–100 kΩ range"; fast transistors shift it up, slow ones down.
        var frontier = PcsaCorner.Seed.Select(c => PcsaSearch.Frontier(c.Apply(Design()), 350e3, Read, 5e3, 200e3, iterations: 6)).ToArray();
        foreach (double f in frontier) Assert.InRange(f, 10e3, 100e3);
        Assert.True(frontier[0] < frontier[1] && frontier[1] < frontier[2], $"frontiers slow/typical/fast = {string.Join(", ", frontier)}");
    }

    [Fact]
    public void Voltage_not_temperature_moves_the_frontier()
    {
        // S L1509: "mostly due to the voltage variations: the temperature variations have an almost negligible impact".
        double typical = PcsaSearch.Frontier(Design(), 350e3, Read, 5e3, 200e3, iterations: 6);
        double hot = PcsaSearch.Frontier(Design() with { TemperatureCelsius = 60 }, 350e3, Read, 5e3, 200e3, iterations: 6);
        double high = PcsaSearch.Frontier(Design() with { SupplyVoltage = 1.3 }, 350e3, Read, 5e3, 200e3, iterations: 6);
        Assert.True(Math.Abs(Math.Log(high / typical)) > 2 * Math.Abs(Math.Log(hot / typical)), $"typical {typical}, 60 °C {hot}, 1.3 V {high}");
    }

    private static (double Down, double Up, double Nominal) SupplyRatios(double loweredVt)
    {
        double T(double v)
        {
            var d = PcsaThresholdVariant.Lowered(Design() with { SupplyVoltage = v }, loweredVt);
            return PcsaSimulator.Run(d, PcsaRun.Delay(d, 20e-6)).ResolutionTime;
        }
        double t7 = T(0.7);
        return (T(0.6) / t7, t7 / T(0.8), T(1.1) / T(1.2));
    }

    [Fact]
    public void Supply_claim_at_0_7_V_holds_only_with_a_threshold_near_0_42_V()
    {
        // S L1511: "with a supply voltage of 0.7V ..., variations of the supply voltage of ±0.1V can impact the mean
        // switching delay of the PCSA, by a factor two": both t(0.6)/t(0.7) and t(0.7)/t(0.8) about 2, read here as in
        // [1.5, 2.5]. The same line gives V_T ≈ 0.6 V, with which this topology is near threshold at 0.6–0.7 V and far more
        // sensitive (README: ×6.9 / ×3.1). The claim holds with every |V_T| lowered by 0.175 V (|V_T| ≈ 0.425 V), and not
        // with 0.6 V; the 1.2 V read stays much less sensitive either way.
        var implied = SupplyRatios(0.175);
        Assert.InRange(implied.Down, 1.5, 2.5);
        Assert.InRange(implied.Up, 1.5, 2.5);
        Assert.True(implied.Up > 2 * (implied.Nominal - 1) + 1, $"0.7→0.8 V ratio {implied.Up}, 1.1→1.2 V ratio {implied.Nominal}");
        var seedThreshold = SupplyRatios(0);
        Assert.True(seedThreshold.Down > 4 && seedThreshold.Up > 2.5,
            $"with V_T = 0.6 V: t(0.6)/t(0.7) = {seedThreshold.Down:F2}, t(0.7)/t(0.8) = {seedThreshold.Up:F2} (README documents ×6.9 / ×3.1)");
    }

    [Theory]
    [InlineData(5e3, 350e3, 1, 1)]
    [InlineData(5e3, 350e3, -1, -1)]
    [InlineData(350e3, 5e3, 1, -1)]
    [InlineData(350e3, 5e3, -1, 1)]
    [InlineData(320e3, 350e3, 1, 0)]
    public void Xnor_variant_computes_xnor_of_input_and_weight(double rbl, double rblb, int input, int expected)
    {
        var d = Design(rbl, rblb) with { Variant = PcsaVariant.Xnor, XnorInput = input };
        Assert.Equal(expected, Read(d).Weight);
    }

    [Fact]
    public void Static_netlist_file_reads_like_the_builder()
    {
        string path = PcsaNetlist("pcsa_2t2r_ekv.cir");
        var d = Design();
        var fromFile = PcsaSimulator.RunText(File.ReadAllText(path), Path.GetDirectoryName(path), d, PcsaRun.Decision(d));
        var built = Read(d);
        Assert.Equal(built.Weight, fromFile.Weight);
        Assert.Equal(built.ResolutionTime, fromFile.ResolutionTime, 0.01 * built.ResolutionTime);
    }

    [Fact]
    public void Energy_per_read_is_larger_for_a_resolving_read_and_bounded_by_the_charge_drawn()
    {
        // One cycle (sense 50 ns, then precharge): the supply re-charges what the read discharged. An LRS/HRS read
        // swings one output rail to rail and the bit line; HRS/HRS barely discharges anything in 50 ns.
        var d = Design();
        var signed = PcsaSimulator.Run(d, PcsaRun.Cycle(d));
        var zero = PcsaSimulator.Run(d with { BitLineResistance = 320e3 }, PcsaRun.Cycle(d));
        Assert.True(signed.SupplyEnergy > 3 * zero.SupplyEnergy, $"{signed.SupplyEnergy} vs {zero.SupplyEnergy}");
        // Upper bound: V_DD × (C_BL·V_DD + latch node charge + static current through 5 kΩ for 50 ns) with generous node capacitance.
        double bound = 1.2 * (1e-12 * 1.2 + 50e-15 * 1.2 + 1.2 / 5e3 * 50e-9);
        Assert.InRange(signed.SupplyEnergy, 1e-15, bound);
    }
}
