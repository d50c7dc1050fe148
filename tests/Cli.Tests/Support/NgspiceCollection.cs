namespace CircuitNeuro.Cli.Tests.Support;

/// <summary>Every test that reaches the ngspice shared library belongs here: the library is not reentrant.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NgspiceCollection
{
    public const string Name = "ngspice shared library";
}
