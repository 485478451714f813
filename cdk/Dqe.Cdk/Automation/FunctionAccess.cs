using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Engines;
using Dqe.Cdk.Observability;
using Dqe.Cdk.Platform;
using Dqe.Cdk.Stacks;
using Dqe.Core.Hosting;
using Dqe.Core.Kubernetes;
using Dqe.Workflows.Building;

namespace Dqe.Cdk.Automation;

/// <summary>
/// Turns a handler's declared <see cref="HandlerNeeds"/> into the narrowest access that serves it, on the
/// function's own role: an EKS access entry into the RBAC group <see cref="AutomationAccess.Group"/> (no cluster
/// admin), read of exactly the engine secrets and CA it uses, one bucket each for reports and backups, the
/// automation security group that is the only source the engines' client ports and the API endpoint admit,
/// and the environment variables (<see cref="FunctionVariables"/>, <see cref="EksClusterSettings"/>) the host reads.
/// </summary>
public sealed class FunctionAccess : Construct
{
    private readonly Cluster _cluster;
    private readonly EnginesStack _engines;
    private readonly DataLake _lake;

    public FunctionAccess(Construct scope, string id, FunctionAccessProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        _cluster = props.Cluster.Cluster;
        _engines = props.Engines;
        _lake = props.Lake;
    }

    /// <summary>The automation security group for handlers that reach the cluster or the engines; none otherwise.</summary>
    public IReadOnlyList<ISecurityGroup> SecurityGroupsFor(HandlerNeeds needs) =>
        (needs & (HandlerNeeds.Kubernetes | HandlerNeeds.Engines | HandlerNeeds.Metrics)) != 0 ? [_engines.Automation.ClientSecurityGroup] : [];

    /// <summary>Grants <paramref name="function"/> what <paramref name="needs"/> names; nothing for <see cref="HandlerNeeds.None"/>.</summary>
    public void Grant(DqeFunction function, HandlerNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(function);
        if ((needs & (HandlerNeeds.Kubernetes | HandlerNeeds.Metrics)) != 0)
        {
            GrantKubernetes(function);
        }

        if (needs.HasFlag(HandlerNeeds.Metrics))
        {
            // Prometheus is a ClusterIP service: reached through the API server proxy (RBAC services/proxy on it only).
            function.Function.AddEnvironment(FunctionVariables.PrometheusService, ObservabilityNames.PrometheusProxyTarget);
        }

        if (needs.HasFlag(HandlerNeeds.Engines))
        {
            GrantEngines(function);
        }

        if (needs.HasFlag(HandlerNeeds.Reports))
        {
            _lake.GrantReportsReadWrite(function.Function);
            function.Function.AddEnvironment(FunctionVariables.ReportsBucket, _lake.ReportsBucket.BucketName);
        }

        if (needs.HasFlag(HandlerNeeds.Backups))
        {
            _lake.GrantBackupsReadWrite(function.Function);
            function.Function.AddEnvironment(FunctionVariables.BackupsBucket, _lake.BackupsBucket.BucketName);
        }
    }

    /// <summary>
    /// The function signs its own EKS token (no eks:DescribeCluster at run time: endpoint and CA come in the
    /// environment) and is mapped to the automation group by an access entry of its own role.
    /// </summary>
    /// <param name="group">Kubernetes group of the access entry: the automation group unless a function has RBAC of its own (rotation).</param>
    /// <param name="user">Kubernetes user name of the access entry.</param>
    public CfnAccessEntry GrantKubernetes(DqeFunction function, string group = AutomationAccess.Group, string user = AutomationAccess.UserName)
    {
        ArgumentNullException.ThrowIfNull(function);
        function.Function.AddEnvironment(EksClusterSettings.ClusterNameVariable, _cluster.ClusterName);
        function.Function.AddEnvironment(EksClusterSettings.EndpointVariable, _cluster.ClusterEndpoint);
        function.Function.AddEnvironment(EksClusterSettings.CaDataVariable, _cluster.ClusterCertificateAuthorityData);
        return new CfnAccessEntry(function, "KubernetesAccess", new CfnAccessEntryProps
        {
            ClusterName = _cluster.ClusterName,
            PrincipalArn = function.Role.RoleArn,
            Type = "STANDARD",
            Username = user,
            KubernetesGroups = [group],
        });
    }

    /// <summary>Engine URLs, the ARNs of the engine users' secrets and the CA secret, with read of exactly those.</summary>
    public void GrantEngines(DqeFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var trino = _engines.Trino.Credentials;
        var clickHouse = _engines.ClickHouse.Credentials;
        _engines.SecretsKey.GrantSecretRead(function.Function, trino, clickHouse);
        _engines.Certificates.GrantCaRead(function.Function);
        function.Function.AddEnvironment(FunctionVariables.TrinoUrl, _engines.Endpoints.TrinoUrl);
        function.Function.AddEnvironment(FunctionVariables.ClickHouseUrl, _engines.Endpoints.ClickHouseUrl);
        function.Function.AddEnvironment(FunctionVariables.TrinoSecretArn, trino.SecretArn);
        function.Function.AddEnvironment(FunctionVariables.ClickHouseSecretArn, clickHouse.SecretArn);
        function.Function.AddEnvironment(FunctionVariables.EnginesCaSecret, _engines.Certificates.CaSecretName);
    }
}
