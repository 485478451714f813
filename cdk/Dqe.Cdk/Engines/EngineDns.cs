using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Route53;
using Constructs;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <summary>
/// Makes <see cref="EngineEndpoints"/> resolve inside the VPC, so functions outside the cluster reach the engines'
/// TLS ports without any load balancer or public address: a private hosted zone associated with the VPC only,
/// headless services for the Trino coordinator and the ClickHouse servers, and ExternalDNS (IRSA, allowed to change
/// records of that one zone) publishing the ready pods' IPs under the names the engines' certificates carry.
/// </summary>
public sealed class EngineDns : Construct
{
    /// <summary>Only services with this annotation are published (ExternalDNS --annotation-filter).</summary>
    public const string PublishAnnotation = "dqe.io/external-dns";

    private const string Namespace = "kube-system";
    private const string ServiceAccountName = "external-dns";

    public EngineDns(Construct scope, string id, EngineDnsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Zone = new PrivateHostedZone(this, "Zone", new PrivateHostedZoneProps
        {
            ZoneName = props.Endpoints.ZoneName,
            Vpc = props.Vpc,
            Comment = $"Dqe {props.EnvName}: engine endpoints for functions in the VPC",
        });

        // In this stack's scope (Cluster.AddServiceAccount would put it into the platform stack's cluster construct).
        var account = new ServiceAccount(this, "ServiceAccount", new ServiceAccountProps { Cluster = props.Cluster, Name = ServiceAccountName, Namespace = Namespace });
        account.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResource"],
            Resources = [Zone.HostedZoneArn],
        }));
        // Zone discovery has no resource-level permission; the zone-id filter below keeps writes to one zone.
        account.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["route53:ListHostedZones"],
            Resources = ["*"],
        }));

        Chart = Kube.Chart(this, "Chart", props.Cluster,
            new HelmRelease("external-dns", "https://kubernetes-sigs.github.io/external-dns/", props.ChartVersion, Namespace, "external-dns"),
            new Dictionary<string, object>
            {
                ["provider"] = new Dictionary<string, object> { ["name"] = "aws" },
                ["serviceAccount"] = new Dictionary<string, object> { ["create"] = false, ["name"] = ServiceAccountName },
                ["sources"] = new[] { "service" },
                ["domainFilters"] = new[] { props.Endpoints.ZoneName },
                ["policy"] = "sync",
                ["registry"] = "txt",
                ["txtOwnerId"] = $"dqe-{props.EnvName}",
                ["extraArgs"] = new[] { "--aws-zone-type=private", $"--zone-id-filter={Zone.HostedZoneId}", $"--annotation-filter={PublishAnnotation} in (true)" },
                ["env"] = new[] { new Dictionary<string, object> { ["name"] = "AWS_DEFAULT_REGION", ["value"] = props.Cluster.Stack.Region } },
                ["nodeSelector"] = new Dictionary<string, object> { [KubernetesCluster.PoolLabel] = "general" },
            });
        Chart.Node.AddDependency(account);

        Services = Kube.Apply(this, "Services", props.Cluster,
            Headless("trino-vpc", EngineNamespaces.Trino, props.Endpoints.TrinoHost, Trino.CoordinatorLabels, Trino.HttpsPort),
            Headless("clickhouse-vpc", EngineNamespaces.ClickHouse, props.Endpoints.ClickHouseHost, ClickHouseInstallationManifest.PodLabels, ClickHouseInstallationManifest.HttpsPort));
        Services.Node.AddDependency(props.Namespaces.Manifest);
    }

    public PrivateHostedZone Zone { get; }

    public HelmChart Chart { get; }

    /// <summary>The headless services whose ready pod IPs are published.</summary>
    public KubernetesManifest Services { get; }

    private static object Headless(string name, string ns, string host, IReadOnlyDictionary<string, string> selector, int port) => new
    {
        apiVersion = "v1",
        kind = "Service",
        metadata = new
        {
            name,
            @namespace = ns,
            annotations = new Dictionary<string, string>
            {
                [PublishAnnotation] = "true",
                ["external-dns.alpha.kubernetes.io/hostname"] = host,
                ["external-dns.alpha.kubernetes.io/ttl"] = "30",
            },
        },
        spec = new
        {
            clusterIP = "None",
            // Only ready pods: a starting or failing server is never handed to a function.
            publishNotReadyAddresses = false,
            selector,
            ports = new[] { new { name = "https", port, targetPort = port, protocol = "TCP" } },
        },
    };
}
