using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Platform;
using static Dqe.Cdk.Observability.ObservabilityNames;

namespace Dqe.Cdk.Observability;

/// <summary>
/// Fluent Bit on every node (IRSA, SigV4 to the log domain) shipping container logs to daily dqe-containers-*
/// indices and the engines' logs to dqe-engines-*, and the bootstrap job that gives its role write access
/// through fine-grained access control and installs the retention (ISM) policy.
/// </summary>
public sealed class LogShipping : Construct
{
    public const string ContainersIndexPrefix = "dqe-containers";
    public const string EnginesIndexPrefix = "dqe-engines";

    public LogShipping(Construct scope, string id, LogShippingProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var role = new IrsaRole(this, "Role", new IrsaRoleProps(props.Cluster, LoggingNamespace, FluentBitServiceAccount)).Role;
        props.Domain.GrantWrite(role);
        var endpoint = props.Domain.Domain.DomainEndpoint;
        var region = Stack.Of(this).Region;

        var bootstrap = new OpenSearchBootstrap(this, "Bootstrap",
            new OpenSearchBootstrapProps(props.Cluster, endpoint, role.RoleArn, props.Logs.IndexRetentionDays));
        foreach (var prerequisite in props.Prerequisites)
        {
            bootstrap.Node.AddDependency(prerequisite);
        }

        Chart = Kube.Chart(this, "Chart", props.Cluster,
            new HelmRelease("fluent-bit", "https://fluent.github.io/helm-charts", props.ChartVersion, LoggingNamespace, "fluent-bit"),
            new JsonObject
            {
                ["serviceAccount"] = new JsonObject { ["create"] = true, ["name"] = FluentBitServiceAccount, ["annotations"] = Kube.IrsaAnnotation(role.RoleArn) },
                // A DaemonSet on every node, the tainted analytics pool included: that is where the engines log.
                ["tolerations"] = new JsonArray(new JsonObject { ["operator"] = "Exists" }),
                ["serviceMonitor"] = new JsonObject { ["enabled"] = true },
                ["config"] = new JsonObject
                {
                    ["inputs"] = Inputs,
                    ["filters"] = Filters,
                    ["outputs"] = Output("kube.*", ContainersIndexPrefix, endpoint, region) + Output("engine.*", EnginesIndexPrefix, endpoint, region),
                },
            });
        foreach (var prerequisite in props.Prerequisites)
        {
            Chart.Node.AddDependency(prerequisite);
        }

        Chart.Node.AddDependency(bootstrap);
    }

    public HelmChart Chart { get; }

    private const string Inputs = """
        [INPUT]
            Name              tail
            Path              /var/log/containers/*.log
            Exclude_Path      /var/log/containers/*_logging_*.log
            multiline.parser  docker, cri
            Tag               kube.*
            Mem_Buf_Limit     50MB
            Skip_Long_Lines   On

        """;

    /// <summary>Enriches with pod metadata, then re-tags the engine namespaces' records engine.* for their own index.</summary>
    internal static string Filters => $"""
        [FILTER]
            Name                kubernetes
            Match               kube.*
            Merge_Log           On
            Keep_Log            Off
            K8S-Logging.Parser  On
            K8S-Logging.Exclude On

        [FILTER]
            Name   rewrite_tag
            Match  kube.*
            Rule   $kubernetes['namespace_name'] ^({string.Join('|', EngineNamespaces)})$ engine.$TAG false

        """;

    private static string Output(string match, string indexPrefix, string endpoint, string region) => $"""
        [OUTPUT]
            Name               opensearch
            Match              {match}
            Host               {endpoint}
            Port               443
            tls                On
            tls.verify         On
            AWS_Auth           On
            AWS_Region         {region}
            Logstash_Format    On
            Logstash_Prefix    {indexPrefix}
            Suppress_Type_Name On
            Replace_Dots       On
            Trace_Error        On
            Retry_Limit        10

        """;
}
