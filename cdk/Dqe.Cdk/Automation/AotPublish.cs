using System.Diagnostics;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace Dqe.Cdk.Automation;

/// <summary>CDK local bundling that publishes the bootstrap with Native AOT into the asset folder.</summary>
internal sealed class AotPublish(string project, string runtimeIdentifier) : DeputyBase, ILocalBundling
{
    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        var start = new ProcessStartInfo("dotnet",
        [
            "publish", project, "-c", "Release", "-r", runtimeIdentifier, "-p:PublishAot=true",
            "-o", outputDir, "--nologo", "--verbosity", "quiet",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start 'dotnet publish'");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"AOT publish of {project} failed ({process.ExitCode}): {stdout.Result}{stderr.Result}");
        }

        // Only the executable belongs in the package; symbols and the managed leftovers are not needed.
        foreach (var file in Directory.EnumerateFiles(outputDir).Where(f => Path.GetFileName(f) != "bootstrap"))
        {
            File.Delete(file);
        }

        return File.Exists(Path.Combine(outputDir, "bootstrap"))
            ? true
            : throw new InvalidOperationException($"AOT publish of {project} produced no 'bootstrap' in {outputDir}");
    }
}
