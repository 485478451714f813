using System.Security.Cryptography;
using System.Text;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Automation;

/// <summary>
/// The one deployment package every Dqe function shares: the Native AOT <c>bootstrap</c>, published by CDK
/// bundling on this machine at synth time. The asset hash is computed from the sources, so an unchanged tree
/// reuses the bundle already in cdk.out and repeated synths skip the publish.
/// </summary>
public sealed class FunctionPackage : Construct
{
    private static readonly string[] HashedExtensions = [".cs", ".csproj", ".props", ".json", ".sql", ".yaml", ".yml"];

    public FunctionPackage(Construct scope, string id, FunctionPackageProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var root = Path.GetDirectoryName(RepositoryPaths.Find("global.json", "run from the Dqe repository"))!;
        var functions = Path.Combine(root, "functions");
        Code = Amazon.CDK.AWS.Lambda.Code.FromAsset(functions, new Amazon.CDK.AWS.S3.Assets.AssetOptions
        {
            AssetHashType = AssetHashType.CUSTOM,
            AssetHash = SourceHash(root, functions),
            Bundling = new BundlingOptions
            {
                // Never used: local bundling always succeeds or throws, and no Docker is needed.
                Image = DockerImage.FromRegistry("dqe/no-docker-bundling"),
                Local = new AotPublish(Path.Combine(root, props.ProjectPath), props.RuntimeIdentifier),
            },
        });
    }

    public Code Code { get; }

    /// <summary>SHA-256 over every source that can change the binary: functions/ plus the root build rules.</summary>
    internal static string SourceHash(string root, string functions)
    {
        var files = Directory.EnumerateFiles(functions, "*", SearchOption.AllDirectories)
            .Where(f => HashedExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }.Select(f => Path.Combine(root, f)).Where(File.Exists))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
