using CircuitNeuro.Circuits.Builders.Pcsa;
using CircuitNeuro.Circuits.Tests.Ngspice;
using CircuitNeuro.Circuits.Verification;
using Xunit.Abstractions;
using static CircuitNeuro.Circuits.Tests.Pcsa.PcsaTestModels;

namespace CircuitNeuro.Circuits.Tests.Pcsa;

/// <summary>The PCSA against ngspice: quantitatively on a level-1 netlist both engines implement, qualitatively EKV (ours) vs BSIM4 (ngspice).</summary>
public class PcsaNgspiceTests(ITestOutputHelper output)
{
    [Fact]
    public void Level1_pcsa_matches_ngspice_waveforms_delay_and_energy()
    {
        NgspiceTestSupport.RequireBatch();
        string path = PcsaNetlist("pcsa_2t2r_level1.cir");
        foreach (var c in NgspiceCrossCheck.Run(path))
        {
            output.WriteLine(c.ToString());
            // 5e-3 of each signal's range: the regenerating latch turns step-control differences of the two engines
            // at the SEN edge into ~1e-3 offsets (the level-1 equations themselves agree to 1e-9 in the .op/.dc checks).
            Assert.True(c.Passed(5e-3), c.ToString());
        }
        string text = File.ReadAllText(path);
        var timing = new PcsaDesign { ModelFile = path, SupplyVoltage = 1.2, PrechargeTime = 10e-9, SenseWindow = 50e-9 };
        var ours = PcsaSimulator.RunText(text, Path.GetDirectoryName(path), timing, new PcsaRun(80e-9));
        var reference = PcsaSimulator.RunNgspiceText(text, Path.GetDirectoryName(path), timing);
        output.WriteLine($"t_res ours {ours.ResolutionTime:E4} ngspice {reference.ResolutionTime:E4}; energy {ours.SupplyEnergy:E4} / {reference.SupplyEnergy:E4}");
        Assert.Equal(1, ours.Weight);
        Assert.Equal(reference.ResolutionTime, ours.ResolutionTime, 0.005 * reference.ResolutionTime);
        Assert.Equal(reference.SupplyEnergy, ours.SupplyEnergy, 0.01 * reference.SupplyEnergy);
    }

    [Fact]
    public void Ekv_engine_and_ngspice_bsim4_agree_on_decisions_and_roughly_on_delays()
    {
        NgspiceTestSupport.RequireBatch();
        // Two reads keep the test short (BSIM4 in ngspice costs ~1 s each); `circuitneuro pcsa compare` runs the full set.
        foreach (var (rbl, rblb) in new[] { (5e3, 350e3), (100e3, 1e6) })
        {
            var d = Design(rbl, rblb);
            var ours = PcsaSimulator.Run(d, PcsaRun.Delay(d, 100e-9));
            var bsim = PcsaSimulator.RunNgspice(d with { ModelFile = Bsim4 }, PcsaRun.Delay(d, 100e-9));
            output.WriteLine($"{rbl}/{rblb}: EKV {ours.Weight} {ours.ResolutionTime:E3} s, BSIM4 {bsim.Weight} {bsim.ResolutionTime:E3} s");
            Assert.Equal(bsim.Weight, ours.Weight);
            Assert.Equal(bsim.ResolutionTime, ours.ResolutionTime, 0.25 * bsim.ResolutionTime);
        }
    }
}
