using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <param name="Cluster">The cluster.</param>
/// <param name="Config">Layout, sizes, settings.</param>
/// <param name="EnvName">Environment name, part of the credentials secret name.</param>
/// <param name="Monitoring">Whether and how to create PodMonitors.</param>
/// <param name="Lake">Backups bucket (BACKUP TO the S3 disk) and lake (s3() loads) grants.</param>
/// <param name="Store">S3 or MinIO.</param>
/// <param name="Namespaces">The engine namespaces.</param>
/// <param name="Secrets">Syncs the generated user password (and MinIO keys) into the namespace.</param>
/// <param name="Removal">What happens to the credentials secret when the stack is deleted.</param>
/// <param name="Certificates">Issues the servers' TLS certificate.</param>
public sealed record ClickHouseProps(
    Cluster Cluster, ClickHouseConfig Config, string EnvName, MonitoringConfig Monitoring, DataLake Lake, LakeStore Store,
    EngineNamespaces Namespaces, SecretsSync Secrets, RemovalPolicy Removal, EngineCertificates Certificates);

/// <summary>
/// ClickHouse through the Altinity operator: the operator chart, a Keeper ensemble, and the installation
/// (shards x replicas, one server per analytics node, replicas of a shard in different zones) whose pods
/// reach the backups bucket through IRSA. The user password is generated in Secrets Manager.
/// </summary>
public sealed class ClickHouse : Construct
{
    public const string ServiceAccountName = "clickhouse";

    public ClickHouse(Construct scope, string id, ClickHouseProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var ns = EngineNamespaces.ClickHouse;

        Operator = Kube.Chart(this, "Operator", props.Cluster,
            new HelmRelease("altinity-clickhouse-operator", "https://docs.altinity.com/clickhouse-operator/", config.OperatorChartVersion, ns, "clickhouse-operator"),
            new ClickHouseOperatorValues(
                Kube.GeneralNodeSelector,
                new ClickHouseOperatorValues.MetricsValues(true),
                new ClickHouseOperatorValues.MonitorValues(props.Monitoring.ServiceMonitors,
                    new Dictionary<string, string> { ["release"] = props.Monitoring.ReleaseLabel })));
        Operator.Node.AddDependency(props.Namespaces.Manifest);

        ServiceAccount = new ServiceAccount(this, "ServiceAccount", new ServiceAccountProps { Cluster = props.Cluster, Name = ServiceAccountName, Namespace = ns });
        ServiceAccount.Node.AddDependency(props.Namespaces.Manifest);
        props.Lake.GrantBackupsReadWrite(ServiceAccount, ClickHouseInstallationManifest.BackupPrefix);
        props.Lake.GrantLakeRead(ServiceAccount, DataLake.RawPrefix);
        props.Lake.GrantLakeRead(ServiceAccount, DataLake.CuratedPrefix);

        Credentials = GeneratedSecret.Create(this, "Credentials", $"dqe/{props.EnvName}/clickhouse",
            $"Dqe {props.EnvName}: ClickHouse user '{ClickHouseInstallationManifest.User}' (synced into the clickhouse namespace)",
            "user", ClickHouseInstallationManifest.User, "password", props.Removal);
        props.Secrets.GrantRead(Credentials);
        var synced = new List<KubernetesManifest>
        {
            props.Secrets.Sync(this, "CredentialsSecret", ns, ClickHouseInstallationManifest.CredentialsSecret, SecretsSync.AwsStore,
                ("user", Credentials.SecretArn, "user"), ("password", Credentials.SecretArn, "password")),
        };
        synced.Add(props.Certificates.Issue(this, "Certificate", ns, ClickHouseInstallationManifest.TlsSecret,
            ClickHouseInstallationManifest.Host, $"{ClickHouseInstallationManifest.Host}.cluster.local", $"*.{ns}.svc", $"*.{ns}.svc.cluster.local", "localhost"));
        if (props.Secrets.SyncMinIoKeys(this, ns, props.Store) is { } minIoKeys)
        {
            synced.Add(minIoKeys);
        }

        var keeper = new List<object> { ClickHouseKeeperManifest.Build(config) };
        var servers = new List<object> { ClickHouseInstallationManifest.Build(config, props.Store, ServiceAccountName) };
        if (props.Monitoring.ServiceMonitors)
        {
            keeper.Add(Kube.PodMonitor("clickhouse-keeper", ns, props.Monitoring, ClickHouseKeeperManifest.PodLabels, "metrics"));
            servers.Add(Kube.PodMonitor("clickhouse", ns, props.Monitoring, ClickHouseInstallationManifest.PodLabels, "metrics"));
        }

        Keeper = Kube.Apply(this, "Keeper", props.Cluster, [.. keeper]);
        Keeper.Node.AddDependency(Operator);
        Installation = Kube.Apply(this, "Installation", props.Cluster, [.. servers]);
        Installation.Node.AddDependency(Operator);
        Installation.Node.AddDependency(Keeper);
        Installation.Node.AddDependency(ServiceAccount);
        synced.ForEach(s => Installation.Node.AddDependency(s));
    }

    /// <summary>Name of the ClickHouseInstallation (automation patches its replicasCount within the annotated bound).</summary>
    public static string InstallationName => ClickHouseInstallationManifest.Name;

    /// <summary>In-cluster HTTPS endpoint of the servers (certificate from the engines CA).</summary>
    public static string Endpoint => $"https://{ClickHouseInstallationManifest.Host}:{ClickHouseInstallationManifest.HttpsPort}";

    public HelmChart Operator { get; }

    public ServiceAccount ServiceAccount { get; }

    /// <summary>Generated credentials of the ClickHouse user (JSON keys user, password); automation reads them.</summary>
    public Secret Credentials { get; }

    public KubernetesManifest Keeper { get; }

    public KubernetesManifest Installation { get; }
}
