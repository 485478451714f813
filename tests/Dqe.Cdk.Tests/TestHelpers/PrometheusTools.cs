using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>
/// Runs the real promtool and amtool (Debian packages prometheus and prometheus-alertmanager, installed by
/// scripts/setup.sh) on files written to a fresh temporary folder. A missing binary fails the test, loudly.
/// </summary>
internal static class PrometheusTools
{
    /// <param name="ExitCode">The tool's exit code.</param>
    /// <param name="Stdout">Standard output only (what amtool prints as its answer).</param>
    /// <param name="Stderr">Standard error (warnings, failure details).</param>
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public bool Ok => ExitCode == 0;

        public string Output => Stdout + Stderr;
    }

    public static Result Promtool(string workDir, params string[] args) => Run("promtool", "prometheus", workDir, args);

    public static Result Amtool(string workDir, params string[] args) => Run("amtool", "prometheus-alertmanager", workDir, args);

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dqe-obs-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes <paramref name="json"/> (valid YAML) to <paramref name="name"/> in <paramref name="dir"/>.</summary>
    public static string Write(string dir, string name, JsonNode json)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static Result Run(string tool, string debianPackage, string workDir, string[] args)
    {
        var path = Find(tool) ?? throw new InvalidOperationException(
            $"'{tool}' is not on PATH: install the Debian package '{debianPackage}' (scripts/setup.sh does: apt-get install {debianPackage}). These tests never skip.");
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        // A safety net against a hung tool, not a timing assertion.
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish");
        }

        return new Result(process.ExitCode, stdout.Result, stderr);
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
