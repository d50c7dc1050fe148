namespace CircuitNeuro.Cli;

/// <summary>Command tree of the circuitneuro program (verbs are added as subsystems land).</summary>
public static class CliApp
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("circuitneuro: no verbs yet");
        return 1;
    }
}
