using System.Diagnostics;
using Dqe.Workflows.Tests.TestHelpers;

namespace Dqe.Workflows.Tests.Local;

/// <summary>Synthesized definitions pass the asl-validator CLI (npm), run for real.</summary>
public sealed class AslValidationTests
{
    [Fact]
    public async Task Validate_SynthesizedProbe_IsValidAsl()
    {
        var (exitCode, output) = await ValidateAsync(WorkflowSynth.ProbeWorkflow.Definition.ToJsonString());

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Validate_BrokenDefinition_IsRejected()
    {
        var (exitCode, output) = await ValidateAsync("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:eu-west-1:123456789012:function:x"}}}""");

        Assert.Equal(1, exitCode);
        Assert.Contains("MISSING_TERMINAL_STATE", output, StringComparison.Ordinal);
    }

    internal static async Task<(int ExitCode, string Output)> ValidateAsync(string definition)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, definition);
        try
        {
            var validator = Path.Combine(RepositoryRoot(), "node_modules", ".bin", "asl-validator");
            Assert.True(File.Exists(validator), $"asl-validator missing at {validator}: run npm ci");
            using var process = Process.Start(new ProcessStartInfo(validator, ["--json-path", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (package.json) not found");
    }
}
