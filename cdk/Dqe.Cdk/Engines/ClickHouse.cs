using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <param name="Context">Cluster, namespaces, secret sync, environment.</param>
/// <param name="Config">Layout, sizes, settings.</param>
/// <param name="Lake">Backups bucket (BACKUP TO the S3 disk) and lake (s3() loads) grants.</param>
/// <param name="Store">S3 or MinIO.</param>
/// <param name="Certificates">Issues the servers' TLS certificate.</param>
/// <param name="IngestionTable">Lake table the ingestion job writes; its ClickHouse tables are created under config.lakeTables.</param>
public sealed record ClickHouseProps(EngineContext Context, ClickHouseConfig Config, DataLake Lake, LakeStore Store, EngineCertificates Certificates, string IngestionTable)
{
    /// <summary>People's users beside the automation user (profiles and quotas per role); null = none.</summary>
    public EngineUsers? Users { get; init; }
}

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

        Operator = Kube.Chart(this, "Operator", props.Context.Cluster,
            new HelmRelease("altinity-clickhouse-operator", "https://docs.altinity.com/clickhouse-operator/", config.OperatorChartVersion, ns, "clickhouse-operator"),
            new ClickHouseOperatorValues(
                Kube.GeneralNodeSelector,
                new ClickHouseOperatorValues.MetricsValues(true),
                new ClickHouseOperatorValues.MonitorValues(props.Context.Monitoring.ServiceMonitors,
                    new Dictionary<string, string> { ["release"] = props.Context.Monitoring.ReleaseLabel })));
        Operator.Node.AddDependency(props.Context.Namespaces.Manifest);

        ServiceAccount = props.Context.ServiceAccount(this, ns, ServiceAccountName);
        props.Lake.GrantBackupsReadWrite(ServiceAccount, ClickHouseInstallationManifest.BackupPrefix);
        // RESTORE ... FROM S3('<replica>/clickhouse/<id>') in the dr environment: read only, the backup prefix only (its key's decrypt comes with it).
        props.Lake.BackupsReplicaBucket?.GrantRead(ServiceAccount, ClickHouseInstallationManifest.BackupPrefix + "*");
        props.Lake.GrantLakeRead(ServiceAccount, DataLake.RawPrefix);
        props.Lake.GrantLakeRead(ServiceAccount, DataLake.CuratedPrefix);

        Credentials = GeneratedSecret.Create(this, "Credentials", SecretName(props.Context.EnvName),
            $"Dqe {props.Context.EnvName}: ClickHouse user '{ClickHouseInstallationManifest.User}' (synced into the clickhouse namespace)",
            "user", ClickHouseInstallationManifest.User, "password", props.Context);
        props.Context.Secrets.GrantRead(Credentials);
        var synced = new List<KubernetesManifest>
        {
            props.Context.Secrets.Sync(this, "CredentialsSecret", ns, ClickHouseInstallationManifest.CredentialsSecret, SecretsSync.AwsStore,
                ("user", Credentials.SecretArn, "user"), ("password", Credentials.SecretArn, "password")),
        };
        synced.Add(props.Certificates.Issue(this, "Certificate", ns, ClickHouseInstallationManifest.TlsSecret,
            [ClickHouseInstallationManifest.Host, $"{ClickHouseInstallationManifest.Host}.cluster.local", $"*.{ns}.svc", $"*.{ns}.svc.cluster.local", "localhost",
            props.Context.Endpoints.ClickHouseHost, .. ClickHouseInterserverTls.ServerNames(config, ClickHouseInstallationManifest.Name)]));
        var keeperCertificate = ClickHouseInterserverTls.KeeperCertificate(this, props.Certificates, config);
        if (props.Context.Secrets.SyncMinIoKeys(this, ns, props.Store) is { } minIoKeys)
        {
            synced.Add(minIoKeys);
        }

        if (props.Users?.ClickHouseSync is { } people)
        {
            synced.Add(people);
        }

        var keeper = new List<object> { ClickHouseKeeperManifest.Build(config) };
        var servers = new List<object> { ClickHouseInstallationManifest.Build(config, props.Store, ServiceAccountName, props.Users) };
        if (props.Context.Monitoring.ServiceMonitors)
        {
            keeper.Add(Kube.PodMonitor("clickhouse-keeper", ns, props.Context.Monitoring, ClickHouseKeeperManifest.PodLabels, "metrics"));
            servers.Add(Kube.PodMonitor("clickhouse", ns, props.Context.Monitoring, ClickHouseInstallationManifest.PodLabels, "metrics"));
        }

        Keeper = Kube.Apply(this, "Keeper", props.Context.Cluster, [.. keeper]);
        Keeper.Node.AddDependency(Operator);
        if (keeperCertificate is not null)
        {
            Keeper.Node.AddDependency(keeperCertificate);
        }

        Installation = Kube.Apply(this, "Installation", props.Context.Cluster, [.. servers]);
        Installation.Node.AddDependency(Operator);
        Installation.Node.AddDependency(Keeper);
        Installation.Node.AddDependency(ServiceAccount);
        synced.ForEach(s => Installation.Node.AddDependency(s));

        if (config.LakeTables.Enabled)
        {
            LakeSchema = Kube.Apply(this, "LakeSchema", props.Context.Cluster, ClickHouseLakeSchema.Manifests(config, props.IngestionTable));
            LakeSchema.Node.AddDependency(Installation);
        }
    }

    /// <summary>The Job creating the lake tables (null when engines.clickHouse.lakeTables.enabled is false).</summary>
    public KubernetesManifest? LakeSchema { get; }

    /// <summary>Name of the ClickHouseInstallation (automation patches its replicasCount within the annotated bound).</summary>
    public static string InstallationName => ClickHouseInstallationManifest.Name;

    /// <summary>In-cluster HTTPS endpoint of the servers (certificate from the engines CA).</summary>
    public static string Endpoint => $"https://{ClickHouseInstallationManifest.Host}:{ClickHouseInstallationManifest.HttpsPort}";

    public HelmChart Operator { get; }

    public ServiceAccount ServiceAccount { get; }

    /// <summary>Generated credentials of the ClickHouse user (JSON keys user, password); automation reads them, Secrets Manager rotates them.</summary>
    public Secret Credentials { get; }

    /// <summary>Secrets Manager name of <see cref="Credentials"/>.</summary>
    public static string SecretName(string env) => $"dqe/{env}/clickhouse";

    public KubernetesManifest Keeper { get; }

    public KubernetesManifest Installation { get; }
}
