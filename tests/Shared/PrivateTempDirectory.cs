using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dqe.Tests.Shared;

/// <summary>
/// Points TMPDIR of the test process, and of every process it starts, at a folder of its own. The jsii runtime
/// behind every CDK app unpacks about 65 MB under TMPDIR on each start, and a CDK app without an outdir synthesizes
/// into a fresh cdk.out there; neither is ever removed, so test runs started outside scripts/test.sh (which scopes
/// TMPDIR itself) used to fill the disk. The folder is named after the process; the test host is usually killed
/// rather than exited, so each start removes the folders of this assembly's earlier processes that are gone.
/// </summary>
internal static class PrivateTempDirectory
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "A test assembly, never a library: TMPDIR must be set before any test starts the jsii runtime.")]
    internal static void Initialize()
    {
        var prefix = $"dqe-{typeof(PrivateTempDirectory).Assembly.GetName().Name}-";
        var parent = new DirectoryInfo(Path.GetTempPath());
        foreach (var stale in parent.EnumerateDirectories(prefix + "*"))
        {
            if (int.TryParse(stale.Name[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Alive(pid))
            {
                TryDelete(stale);
            }
        }

        var root = parent.CreateSubdirectory(prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("TMPDIR", root.FullName);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        // Another test run may be removing the same folder, or a server it left may still write there: keep going.
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
