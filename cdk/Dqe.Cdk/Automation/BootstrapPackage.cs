using System.Security.Cryptography;
using System.Text;

namespace Dqe.Cdk.Automation;

/// <summary>
/// The Lambda deployment package (a directory with the AOT <c>bootstrap</c>), built at synth and cached
/// under <c>.dqe/lambda/&lt;hash&gt;</c> by a hash of the sources that go into it, so an unchanged tree
/// synthesizes in seconds and a changed one is rebuilt. A failed build leaves no cache entry.
/// </summary>
public sealed class BootstrapPackage
{
    internal const string LambdaProject = "functions/Dqe.Lambda/Dqe.Lambda.csproj";
    private static readonly string[] SourceFolders = ["functions/Dqe.Core", "functions/Dqe.Lambda"];
    private static readonly string[] SourceFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json"];
    private readonly string _root;
    private readonly IBootstrapPublisher _publisher;

    public BootstrapPackage(string repositoryRoot, IBootstrapPublisher publisher)
    {
        _root = Path.GetFullPath(repositoryRoot);
        _publisher = publisher;
    }

    /// <summary>The package directory for the current sources, publishing it first if not cached.</summary>
    public string Ensure()
    {
        var directory = Path.Combine(_root, ".dqe", "lambda", SourceHash());
        if (File.Exists(Path.Combine(directory, "bootstrap")))
        {
            return directory;
        }

        var staging = directory + ".building";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        _publisher.Publish(Path.Combine(_root, LambdaProject), staging);
        if (!File.Exists(Path.Combine(staging, "bootstrap")))
        {
            throw new InvalidOperationException($"publishing {LambdaProject} produced no 'bootstrap' in {staging}");
        }

        // Only the executable is deployed: debug symbols would triple the package.
        foreach (var extra in Directory.EnumerateFiles(staging).Where(f => Path.GetFileName(f) != "bootstrap"))
        {
            File.Delete(extra);
        }

        Directory.Move(staging, directory);
        return directory;
    }

    internal string SourceHash()
    {
        var files = SourceFolders
            .Select(folder => Path.Combine(_root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(IsSource)
            .Concat(SourceFiles.Select(f => Path.Combine(_root, f)).Where(File.Exists))
            .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(_root, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static bool IsSource(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        return !parts.Contains("bin") && !parts.Contains("obj")
            && (path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".csproj", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal));
    }
}
