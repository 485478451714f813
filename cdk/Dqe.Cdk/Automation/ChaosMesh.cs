using Amazon.CDK.AWS.EKS;
using Constructs;

namespace Dqe.Cdk.Automation;

/// <summary>
/// Chaos Mesh (Helm chart, pinned version) in its own namespace. The dashboard is not installed: campaigns
/// are files run by the chaos workflow, and an unauthenticated dashboard could inject faults. The daemon
/// talks to containerd, the EKS runtime.
/// </summary>
public sealed class ChaosMesh : Construct
{
    public const string Namespace = "chaos-mesh";
    public const string Repository = "https://charts.chaos-mesh.org";

    public ChaosMesh(Construct scope, string id, ChaosMeshProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Chart = new HelmChart(this, "Chart", new HelmChartProps
        {
            Cluster = props.Cluster,
            Chart = "chaos-mesh",
            Repository = Repository,
            Version = props.Version,
            Namespace = Namespace,
            Release = "chaos-mesh",
            CreateNamespace = true,
            Wait = true,
            Values = new Dictionary<string, object>
            {
                ["dashboard"] = new Dictionary<string, object> { ["create"] = false, ["securityMode"] = true },
                ["dnsServer"] = new Dictionary<string, object> { ["create"] = false },
                ["chaosDaemon"] = new Dictionary<string, object>
                {
                    ["runtime"] = "containerd",
                    ["socketPath"] = "/run/containerd/containerd.sock",
                },
                ["controllerManager"] = new Dictionary<string, object> { ["replicaCount"] = 1, ["enableFilterNamespace"] = false },
            },
        });
    }

    public HelmChart Chart { get; }
}
