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
        // The jsii runtime unpacks the CDK's JavaScript (about 65 MB) into a fresh folder under TMPDIR on every start
        // and never removes it: a private TMPDIR per run is deleted with the run, or the test suite fills the disk.
        var scratch = Directory.CreateTempSubdirectory("dqe-synth-tmp-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [AppAssembly()])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = CdkContext.RepositoryRoot,
                Environment =
                {
                    ["CDK_CONTEXT_JSON"] = context.ToJsonString(),
                    ["CDK_OUTDIR"] = outdir.FullName,
                    ["TMPDIR"] = scratch.FullName,
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
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Dqe.Cdk.dll in the CDK project's own output folder, as `cdk synth` runs it: the copy beside the tests
    /// resolves its dependencies against the test project's closure, which (through Dqe.TestServers and the
    /// ASP.NET Core framework) lacks assemblies the app needs at run time.
    /// </summary>
    private static string AppAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var app = Path.Combine(CdkContext.RepositoryRoot, "cdk", "Dqe.Cdk", "bin", configuration, framework, "Dqe.Cdk.dll");
        return File.Exists(app) ? app : throw new InvalidOperationException($"{app} is missing: build cdk/Dqe.Cdk ({configuration}) first");
    }
}
