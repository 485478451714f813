using System.Diagnostics;

namespace Dqe.Cdk.Automation;

/// <summary>
/// <c>dotnet publish -c Release -r linux-x64</c> of the Lambda project (PublishAot is set in its csproj),
/// i.e. the Native AOT <c>bootstrap</c> for provided.al2023 on x86_64.
/// </summary>
public sealed class DotnetBootstrapPublisher : IBootstrapPublisher
{
    public void Publish(string projectFile, string outputDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", projectFile, "-c", "Release", "-r", "linux-x64", "-o", outputDirectory, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet publish");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of {projectFile} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr}");
        }
    }
}
