using System.CommandLine;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>Runs the real `dqe` command tree in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        var exitCode = await DqeCommandLine.Build().Parse(args).InvokeAsync(configuration);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
