using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;

namespace Dqe.Cdk.Platform;

/// <summary>A pinned chart release: where it comes from and where it installs. Shared by every stack that installs charts.</summary>
/// <param name="Chart">Chart name in the repository.</param>
/// <param name="Repository">Chart repository URL (https:// or oci://).</param>
/// <param name="Version">Pinned chart version from config.</param>
/// <param name="Namespace">Namespace the release installs into (created beforehand by its stack, unless installed with createNamespace).</param>
/// <param name="Name">Helm release name.</param>
internal sealed record HelmRelease(string Chart, string Repository, string Version, string Namespace, string Name)
{
    /// <summary>How long Helm may take; large charts (kube-prometheus-stack, operators with CRDs) pass the 5-minute default.</summary>
    public static readonly Duration Timeout = Duration.Minutes(15);

    /// <summary>Installs this release on <paramref name="cluster"/> with <paramref name="values"/> (plain jsii values, see <see cref="JsiiValues"/>).</summary>
    /// <param name="wait">
    /// Wait for the release's pods: true for operators, whose CRDs and webhooks must serve before their custom
    /// resources apply; false for engines, which become ready on their own once secrets and peers exist.
    /// </param>
    /// <param name="createNamespace">Let Helm create the namespace (charts that own theirs); false = it exists already.</param>
    public HelmChart Install(Construct scope, string id, ICluster cluster, IDictionary<string, object> values, bool wait, bool createNamespace = false) =>
        new(scope, id, new HelmChartProps
        {
            Cluster = cluster,
            Chart = Chart,
            Repository = Repository,
            Version = Version,
            Namespace = Namespace,
            Release = Name,
            Values = values,
            CreateNamespace = createNamespace,
            Wait = wait,
            Timeout = Timeout,
        });
}
