namespace Dqe.Core.Hosting;

/// <summary>
/// Environment variables the CDK app sets on a function and the handlers read: the one list both sides use,
/// so a renamed variable breaks the build instead of a deployed function. Secrets are never values here:
/// only the ARNs of Secrets Manager secrets the function reads at run time.
/// </summary>
public static class FunctionVariables
{
    /// <summary>Environment name (dev, prod, ...).</summary>
    public const string Env = "DQE_ENV";

    /// <summary>Trino coordinator HTTPS URL reachable from the functions' subnets.</summary>
    public const string TrinoUrl = "DQE_TRINO_URL";

    /// <summary>ClickHouse HTTPS URL reachable from the functions' subnets.</summary>
    public const string ClickHouseUrl = "DQE_CLICKHOUSE_URL";

    /// <summary>ARN of the secret {"user", "password"} of the Trino user.</summary>
    public const string TrinoSecretArn = "DQE_TRINO_SECRET_ARN";

    /// <summary>ARN of the secret {"user", "password"} of the ClickHouse user.</summary>
    public const string ClickHouseSecretArn = "DQE_CLICKHOUSE_SECRET_ARN";

    /// <summary>Name of the secret holding the PEM CA certificate that signed the engines' TLS certificates.</summary>
    public const string EnginesCaSecret = "DQE_ENGINES_CA_SECRET";

    /// <summary>Reports bucket (benchmark, chaos and drill reports, baselines, offloaded payloads).</summary>
    public const string ReportsBucket = "DQE_REPORTS_BUCKET";

    /// <summary>Backups bucket (ClickHouse backups and their manifests).</summary>
    public const string BackupsBucket = "DQE_BACKUPS_BUCKET";

    /// <summary>Prometheus' HTTP URL for promql probes and the remediation verify step: an override of DQE_PROMETHEUS_SERVICE for local runs.</summary>
    public const string PrometheusUrl = "DQE_PROMETHEUS_URL";

    /// <summary>Prometheus' service as <c>namespace/scheme:name:port</c>, reached through the API server's service proxy when DQE_PROMETHEUS_URL is unset.</summary>
    public const string PrometheusService = "DQE_PROMETHEUS_SERVICE";

    /// <summary>ClickHouse databases to back up, comma separated.</summary>
    public const string BackupDatabases = "DQE_BACKUP_DATABASES";

    /// <summary>S3 https URL of the backups root the engine writes to (the prefix its IRSA role may write).</summary>
    public const string BackupDestination = "DQE_BACKUP_DESTINATION";

    /// <summary>Key prefix of manifests in the backups bucket (default clickhouse).</summary>
    public const string BackupPrefix = "DQE_BACKUP_PREFIX";

    /// <summary>ClickHouse cluster for ON CLUSTER; unset on a single server.</summary>
    public const string ClickHouseCluster = "DQE_CLICKHOUSE_CLUSTER";

    /// <summary>Backups kept by count.</summary>
    public const string BackupKeepCount = "DQE_BACKUP_KEEP_COUNT";

    /// <summary>Backups kept by age in days.</summary>
    public const string BackupMaxAgeDays = "DQE_BACKUP_MAX_AGE_DAYS";

    /// <summary>native (BACKUP/RESTORE) or copy (table copies).</summary>
    public const string BackupEngine = "DQE_BACKUP_ENGINE";

    /// <summary>Namespace the drill's pod faults act in.</summary>
    public const string DrillNamespace = "DQE_NAMESPACE";

    /// <summary>Availability zone the az-loss drill drains.</summary>
    public const string DrillZone = "DQE_DR_ZONE";

    /// <summary>ExternalSecrets (<c>engine:namespace/name</c>, engine trino, clickhouse or grafana, comma separated) that the secret rotation handler force-syncs after moving AWSCURRENT: those of the rotated secret's engines.</summary>
    public const string RotationExternalSecrets = "DQE_ROTATION_EXTERNAL_SECRETS";

    /// <summary>Optional: secrets on one engine only (<c>secretName=engine</c>, comma separated, matched on DescribeSecret's Name); a secret not listed is on both Trino and ClickHouse.</summary>
    public const string RotationSecretEngines = "DQE_ROTATION_SECRET_ENGINES";

    /// <summary>ClickHouseInstallation (namespace/name) whose operator the rotation handler makes re-render users.</summary>
    public const string RotationClickHouseInstallation = "DQE_ROTATION_CLICKHOUSE_INSTALLATION";

    /// <summary>Seconds the rotation handler waits for the engines to accept a new password before restoring the old one.</summary>
    public const string RotationVerifySeconds = "DQE_ROTATION_VERIFY_SECONDS";

    /// <summary>Grafana Deployment (namespace/name) the rotation handler restarts after the Grafana admin secret is synced; required when a secret is on grafana.</summary>
    public const string RotationGrafanaDeployment = "DQE_ROTATION_GRAFANA_DEPLOYMENT";

    /// <summary>Kubernetes secret and key (<c>namespace/name:key</c>) Grafana reads its admin password from; the rotation waits until it holds the new one before restarting.</summary>
    public const string RotationGrafanaSecret = "DQE_ROTATION_GRAFANA_SECRET";

    /// <summary>Replica bucket a region restore reads (set only where backup.receivesReplica).</summary>
    public const string RestoreBucket = "DQE_RESTORE_BUCKET";

    /// <summary>https URL of the replica bucket's backup prefix, as ClickHouse reads it for RESTORE.</summary>
    public const string RestoreSource = "DQE_RESTORE_SOURCE";
}
