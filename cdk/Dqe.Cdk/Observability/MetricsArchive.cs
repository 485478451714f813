using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using Dqe.Cdk.Platform;
using Dqe.Cdk.Security;
using static Dqe.Cdk.Observability.ObservabilityNames;

namespace Dqe.Cdk.Observability;

/// <summary>
/// Long-term metrics: a KMS-encrypted bucket the Prometheus Thanos sidecar uploads 2-hour blocks to, and Thanos
/// (query, store gateway, compactor) on IRSA. The compactor downsamples to 5m and 1h and deletes each resolution
/// after its configured retention, so history beyond Prometheus' 30 days stays queryable at lower resolution.
/// </summary>
public sealed class MetricsArchive : Construct
{
    public const string QueryUrl = "http://thanos-query.monitoring.svc:9090";

    public MetricsArchive(Construct scope, string id, MetricsArchiveProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var removal = props.Ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        Key = CustomerKey.Create(this, props.EnvName, "metrics", "encrypts the Thanos metrics bucket", props.Ephemeral);
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Encryption = BucketEncryption.KMS,
            EncryptionKey = Key,
            BucketKeyEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            MinimumTLSVersion = 1.2,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            // Retention is the compactor's job (per resolution); S3 only cleans up failed uploads.
            LifecycleRules = [new LifecycleRule { Id = "abort-uploads", AbortIncompleteMultipartUploadAfter = Duration.Days(3) }],
            RemovalPolicy = removal,
            AutoDeleteObjects = props.Ephemeral,
        });

        var region = Stack.Of(this).Region;
        // Thanos objstore config: no access keys, the AWS SDK chain picks up the pods' IRSA web identity.
        var objstore = $"{{\"type\":\"S3\",\"config\":{{\"bucket\":\"{Bucket.BucketName}\",\"endpoint\":\"s3.{region}.amazonaws.com\",\"region\":\"{region}\","
            + $"\"sse_config\":{{\"type\":\"SSE-KMS\",\"kms_key_id\":\"{Key.KeyArn}\"}}}}}}";
        ObjstoreSecret = Kube.Manifest(this, "ObjstoreSecret", props.Cluster, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = Kube.Metadata(ThanosObjstoreSecret, MonitoringNamespace),
            ["type"] = "Opaque",
            ["stringData"] = new JsonObject { [ThanosObjstoreKey] = objstore },
        });
        ObjstoreSecret.Node.AddDependency(props.Namespaces);

        var role = new IrsaRole(this, "ThanosRole", new IrsaRoleProps(props.Cluster, MonitoringNamespace, ThanosServiceAccount)).Role;
        GrantReadWrite(role);
        // Only the compactor deletes (blocks past retention, and raw blocks replaced by compacted ones).
        Bucket.GrantDelete(role);

        var thanos = props.Config;
        JsonObject Component(JsonObject extra)
        {
            extra["enabled"] = true;
            extra["nodeSelector"] = Kube.GeneralPool();
            extra["serviceAccount"] = new JsonObject { ["create"] = false, ["name"] = ThanosServiceAccount };
            return extra;
        }

        Chart = Kube.Chart(this, "Chart", props.Cluster,
            new HelmRelease("thanos", "https://charts.bitnami.com/bitnami", props.ChartVersion, MonitoringNamespace, "thanos"),
            new JsonObject
            {
                ["existingObjstoreSecret"] = ThanosObjstoreSecret,
                ["existingObjstoreSecretItems"] = new JsonArray(new JsonObject { ["key"] = ThanosObjstoreKey, ["path"] = "objstore.yml" }),
                ["serviceAccount"] = new JsonObject
                {
                    ["create"] = true,
                    ["name"] = ThanosServiceAccount,
                    ["annotations"] = Kube.IrsaAnnotation(role.RoleArn),
                },
                ["query"] = Component(new JsonObject
                {
                    ["dnsDiscovery"] = new JsonObject
                    {
                        ["enabled"] = true,
                        ["sidecarsService"] = $"{PrometheusRelease}-thanos-discovery",
                        ["sidecarsNamespace"] = MonitoringNamespace,
                    },
                }),
                ["queryFrontend"] = new JsonObject { ["enabled"] = false },
                ["storegateway"] = Component(new JsonObject
                {
                    ["persistence"] = new JsonObject { ["enabled"] = true, ["size"] = "20Gi", ["storageClass"] = EbsCsiDriver.StorageClassName },
                }),
                ["compactor"] = Component(new JsonObject
                {
                    ["retentionResolutionRaw"] = $"{thanos.RawRetentionDays}d",
                    ["retentionResolution5m"] = $"{thanos.FiveMinuteRetentionDays}d",
                    ["retentionResolution1h"] = $"{thanos.OneHourRetentionDays}d",
                    ["persistence"] = new JsonObject { ["enabled"] = true, ["size"] = $"{thanos.CompactorStorageGb}Gi", ["storageClass"] = EbsCsiDriver.StorageClassName },
                }),
                ["metrics"] = new JsonObject { ["enabled"] = true, ["serviceMonitor"] = new JsonObject { ["enabled"] = true } },
            });
        Chart.Node.AddDependency(ObjstoreSecret);
    }

    public Key Key { get; }

    public Bucket Bucket { get; }

    public Amazon.CDK.AWS.EKS.KubernetesManifest ObjstoreSecret { get; }

    public Amazon.CDK.AWS.EKS.HelmChart Chart { get; }

    /// <summary>Read and write metric blocks (the Prometheus sidecar uploads, Thanos reads and compacts).</summary>
    public Grant GrantReadWrite(IGrantable grantee) => Bucket.GrantReadWrite(grantee);
}
