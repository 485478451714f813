using Amazon.CDK;
using Amazon.CDK.AWS.Glue;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Platform;

/// <summary>
/// The S3 data lake (raw/ and curated/ prefixes), the backups and reports buckets, the access-logs bucket
/// they all log to, one customer-managed KMS key, and the Glue database that Trino and Spark use as metastore.
/// </summary>
public sealed class DataLake : Construct
{
    public const string RawPrefix = "raw/";
    public const string CuratedPrefix = "curated/";

    public DataLake(Construct scope, string id, DataLakeProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var removal = props.Ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        var lifecycle = props.Config;

        Key = new Key(this, "DataKey", new KeyProps
        {
            Alias = KeyAlias(props.EnvName),
            Description = $"Dqe {props.EnvName}: encrypts the lake, backups and reports buckets",
            EnableKeyRotation = true,
            RemovalPolicy = removal,
        });

        // S3 server access logs can only be delivered to a bucket encrypted with SSE-S3 (not SSE-KMS),
        // so this one bucket uses S3-managed keys; everything else uses the customer key.
        AccessLogsBucket = new Bucket(this, "AccessLogs", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            MinimumTLSVersion = 1.2,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            LifecycleRules = [new LifecycleRule { Id = "expire-logs", Expiration = Duration.Days(lifecycle.AccessLogsExpireAfterDays) }],
            RemovalPolicy = removal,
            AutoDeleteObjects = props.Ephemeral,
        });

        LakeBucket = SecureBucket("Lake", "lake/", removal, props.Ephemeral,
        [
            Tiering("raw-tiering", RawPrefix, lifecycle.IntelligentTieringAfterDays,
                new Transition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(lifecycle.RawGlacierAfterDays) }),
            Tiering("curated-tiering", CuratedPrefix, lifecycle.IntelligentTieringAfterDays),
            Housekeeping(lifecycle.NoncurrentVersionExpiryDays),
        ]);

        _removal = removal;
        _ephemeral = props.Ephemeral;
        _lifecycle = lifecycle;
        BackupsBucket = SecureBucket("Backups", "backups/", removal, props.Ephemeral, BackupRules(lifecycle));

        ReportsBucket = SecureBucket("Reports", "reports/", removal, props.Ephemeral,
        [
            new LifecycleRule { Id = "reports-retention", Expiration = Duration.Days(lifecycle.ReportsExpireAfterDays) },
            Housekeeping(lifecycle.NoncurrentVersionExpiryDays),
        ]);

        GlueDatabaseName = Dqe.Workflows.Backup.LakeCatalog.DatabaseName(props.EnvName);
        var database = new CfnDatabase(this, "Catalog", new CfnDatabaseProps
        {
            CatalogId = Stack.Of(this).Account,
            DatabaseInput = new CfnDatabase.DatabaseInputProperty
            {
                Name = GlueDatabaseName,
                Description = $"Dqe {props.EnvName} data lake catalog (Hive metastore for Trino and Spark)",
                LocationUri = LakeBucket.S3UrlForObject(CuratedPrefix),
            },
        });
        database.ApplyRemovalPolicy(removal);
    }

    private readonly RemovalPolicy _removal;
    private readonly bool _ephemeral;
    private readonly LakeConfig _lifecycle;

    public Key Key { get; }

    /// <summary>Alias of an environment's data key: other environments name it by this (e.g. as a replication target).</summary>
    public static string KeyAlias(string envName) => $"alias/dqe-{envName}-data";

    public Bucket LakeBucket { get; }

    public Bucket BackupsBucket { get; }

    public Bucket ReportsBucket { get; }

    public Bucket AccessLogsBucket { get; }

    public string GlueDatabaseName { get; }

    /// <summary>Read objects under <paramref name="prefix"/> of the lake (decrypt included).</summary>
    public Grant GrantLakeRead(IGrantable grantee, string prefix = "") => LakeBucket.GrantRead(grantee, prefix + "*");

    /// <summary>Read and write objects under <paramref name="prefix"/> of the lake.</summary>
    public Grant GrantLakeReadWrite(IGrantable grantee, string prefix = "") => LakeBucket.GrantReadWrite(grantee, prefix + "*");

    /// <summary>Read and write backups under <paramref name="prefix"/> (engines' BACKUP TO S3, manifests, restore verification).</summary>
    public Grant GrantBackupsReadWrite(IGrantable grantee, string prefix = "") => BackupsBucket.GrantReadWrite(grantee, prefix + "*");

    /// <summary>Write reports and read earlier ones (baselines, trends).</summary>
    public Grant GrantReportsReadWrite(IGrantable grantee) => ReportsBucket.GrantReadWrite(grantee);

    /// <summary>Read the Glue catalog of the lake database (Trino/Spark metastore reads).</summary>
    public Grant GrantCatalogRead(IGrantable grantee) => GrantCatalog(grantee,
        "glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition");

    /// <summary>Read and change tables and partitions of the lake database (ingestion registers tables).</summary>
    public Grant GrantCatalogReadWrite(IGrantable grantee)
    {
        GrantCatalogRead(grantee);
        return GrantCatalog(grantee,
            "glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable",
            "glue:CreatePartition", "glue:BatchCreatePartition", "glue:UpdatePartition", "glue:DeletePartition", "glue:BatchDeletePartition");
    }

    private Grant GrantCatalog(IGrantable grantee, params string[] actions)
    {
        var stack = Stack.Of(this);
        string Arn(string resource) => stack.FormatArn(new ArnComponents { Service = "glue", Resource = resource });
        return Grant.AddToPrincipal(new GrantOnPrincipalOptions
        {
            Grantee = grantee,
            Actions = actions,
            ResourceArns = [Arn("catalog"), Arn($"database/{GlueDatabaseName}"), Arn($"table/{GlueDatabaseName}/*")],
        });
    }

    /// <summary>
    /// A second backups bucket with a fixed <paramref name="bucketName"/> that another region's backups replicate into:
    /// same key, versioning, logging and retention as <see cref="BackupsBucket"/>.
    /// </summary>
    public Bucket AddBackupsReplicaBucket(string bucketName) =>
        BackupsReplicaBucket = SecureBucket("BackupsReplica", "backups-replica/", _removal, _ephemeral, BackupRules(_lifecycle), bucketName);

    /// <summary>The replica bucket, in the environment that receives another's backups (region restores read it); null elsewhere.</summary>
    public Bucket? BackupsReplicaBucket { get; private set; }

    private static LifecycleRule[] BackupRules(LakeConfig lifecycle) =>
    [
        new LifecycleRule
        {
            Id = "backups-retention",
            // Instant Retrieval keeps restores (and restore verification) fast while cutting cost.
            Transitions = [new Transition { StorageClass = StorageClass.GLACIER_INSTANT_RETRIEVAL, TransitionAfter = Duration.Days(lifecycle.BackupsGlacierAfterDays) }],
            Expiration = Duration.Days(lifecycle.BackupsExpireAfterDays),
        },
        Housekeeping(lifecycle.NoncurrentVersionExpiryDays),
    ];

    private Bucket SecureBucket(string id, string logPrefix, RemovalPolicy removal, bool autoDelete, LifecycleRule[] rules, string? bucketName = null) => new(this, id, new BucketProps
    {
        BucketName = bucketName,
        Encryption = BucketEncryption.KMS,
        EncryptionKey = Key,
        BucketKeyEnabled = true,
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        EnforceSSL = true,
        MinimumTLSVersion = 1.2,
        ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
        Versioned = true,
        ServerAccessLogsBucket = AccessLogsBucket,
        ServerAccessLogsPrefix = logPrefix,
        LifecycleRules = rules,
        RemovalPolicy = removal,
        AutoDeleteObjects = autoDelete,
    });

    private static LifecycleRule Tiering(string id, string prefix, int afterDays, params Transition[] later) => new()
    {
        Id = id,
        Prefix = prefix,
        Transitions = [new Transition { StorageClass = StorageClass.INTELLIGENT_TIERING, TransitionAfter = Duration.Days(afterDays) }, .. later],
    };

    private static LifecycleRule Housekeeping(int noncurrentDays) => new()
    {
        Id = "housekeeping",
        NoncurrentVersionExpiration = Duration.Days(noncurrentDays),
        AbortIncompleteMultipartUploadAfter = Duration.Days(7),
    };
}
