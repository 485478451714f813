using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <param name="Context">Cluster, namespaces (including minio), secret sync, environment.</param>
/// <param name="Config">Servers, volumes, resources.</param>
/// <param name="Region">Region MinIO reports to S3 clients.</param>
public sealed record MinIoProps(EngineContext Context, MinIoConfig Config, string Region);

/// <summary>
/// In-cluster S3-compatible storage for clusters without S3 (lake.store = minio): a distributed MinIO on the
/// analytics pool with "lake" and "backups" buckets and one engine user, all keys generated in Secrets Manager.
/// </summary>
public sealed class MinIo : Construct
{
    public const string Release = "minio";
    public const int ApiPort = 9000;
    public const string LakeBucket = "lake";
    public const string BackupsBucket = "backups";
    private const string RootSecret = "minio-root";
    private const string EngineUser = "dqe-engines";

    public MinIo(Construct scope, string id, MinIoProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var ns = EngineNamespaces.MinIo;
        var root = Generated("RootCredentials", props, "root", "rootUser", "dqe-root", "rootPassword");
        EngineKeys = Generated("EngineCredentials", props, "engines", "accessKey", EngineUser, "secretKey");
        var rootSync = props.Context.Secrets.Sync(this, "RootSecret", ns, RootSecret, SecretsSync.AwsStore,
            ("rootUser", root.SecretArn, "rootUser"), ("rootPassword", root.SecretArn, "rootPassword"));
        var engineSync = props.Context.Secrets.Sync(this, "EngineSecret", ns, LakeStore.CredentialsSecret, SecretsSync.AwsStore,
            ("accessKey", EngineKeys.SecretArn, "accessKey"), ("secretKey", EngineKeys.SecretArn, "secretKey"));

        var config = props.Config;
        Chart = Kube.Chart(this, "Chart", props.Context.Cluster,
            new HelmRelease("minio", "https://charts.min.io/", config.ChartVersion, ns, Release),
            new MinIoValues(
                Mode: "distributed",
                Replicas: config.Servers,
                ExistingSecret: RootSecret,
                new MinIoValues.PersistenceValues(true, Platform.EbsCsiDriver.StorageClassName, Kube.Memory(config.VolumeGib)),
                Kube.Resources(config.Resources),
                Kube.AnalyticsNodeSelector,
                Kube.AnalyticsTolerations,
                [new(LakeBucket, "none", false, true), new(BackupsBucket, "none", false, true)],
                [new(EngineUser, LakeStore.CredentialsSecret, "secretKey", "readwrite")],
                new MinIoValues.MetricsValues(new MinIoValues.MonitorValues(props.Context.Monitoring.ServiceMonitors,
                    new Dictionary<string, string> { ["release"] = props.Context.Monitoring.ReleaseLabel }))), waitReady: false);
        Chart.Node.AddDependency(rootSync);
        Chart.Node.AddDependency(engineSync);

        Store = new LakeStore(LakeBucket, BackupsBucket, props.Region, $"http://{Release}.{ns}.svc:{ApiPort}", EngineKeys);
    }

    public HelmChart Chart { get; }

    /// <summary>Access key and secret key (JSON keys accessKey, secretKey) of the engines' MinIO user.</summary>
    public Secret EngineKeys { get; }

    /// <summary>The lake as the engines see it.</summary>
    public LakeStore Store { get; }

    private Secret Generated(string id, MinIoProps props, string name, string userKey, string user, string passwordKey)
    {
        var secret = GeneratedSecret.Create(this, id, $"dqe/{props.Context.EnvName}/minio-{name}",
            $"Dqe {props.Context.EnvName}: MinIO {name} credentials (synced into engine namespaces)", userKey, user, passwordKey, props.Context, length: 40);
        props.Context.Secrets.GrantRead(secret);
        return secret;
    }
}
