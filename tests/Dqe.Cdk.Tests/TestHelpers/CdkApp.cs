using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>Runs the CDK app as the cdk CLI does: a process given its context through CDK_CONTEXT_JSON and an empty output folder.</summary>
internal static class CdkApp
{
    /// <param name="ExitCode">The app's exit code.</param>
    /// <param name="Stdout">Standard output.</param>
    /// <param name="Stderr">Standard error, trimmed.</param>
    /// <param name="WroteNothing">The output folder is still empty afterwards.</param>
    public sealed record Run(int ExitCode, string Stdout, string Stderr, bool WroteNothing);

    public static async Task<Run> SynthAsync(JsonObject context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outdir = Directory.CreateTempSubdirectory("dqe-synth-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Dqe.Cdk.dll")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = CdkContext.RepositoryRoot,
                Environment =
                {
                    ["CDK_CONTEXT_JSON"] = context.ToJsonString(),
                    ["CDK_OUTDIR"] = outdir.FullName,
                    ["JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION"] = "1",
                    ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20",
                },
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new Run(process.ExitCode, (await stdout).Trim(), (await stderr).Trim(), !outdir.EnumerateFileSystemInfos().Any());
        }
        finally
        {
            outdir.Delete(recursive: true);
        }
    }
}
