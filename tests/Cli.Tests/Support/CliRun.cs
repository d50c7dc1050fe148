namespace CircuitNeuro.Cli.Tests.Support;

internal sealed record CliResult(int ExitCode, string Out, string Err);

/// <summary>Runs the program in-process with its own writers (no global Console redirection, so tests may run in parallel).</summary>
internal static class CliRun
{
    public static CliResult Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A fresh temporary directory, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("circuitneuro-cli-test-").FullName;
    public string Path { get; }
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
