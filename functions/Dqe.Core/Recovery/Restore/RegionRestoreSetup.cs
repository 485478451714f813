using Amazon.S3;
using Dqe.Core.Backup;
using Dqe.Core.Engines;
using Dqe.Core.Hosting;

namespace Dqe.Core.Recovery.Restore;

/// <summary>
/// Builds the region-restore service of a deployed function from its environment (set by the CDK app only in the
/// environment that receives the replica): ClickHouse through <see cref="EngineConnections"/>, DQE_RESTORE_BUCKET
/// (the replica bucket, read only), DQE_RESTORE_SOURCE (its https URL with the prefix, as ClickHouse reads it),
/// DQE_BACKUP_PREFIX (default clickhouse), DQE_CLICKHOUSE_CLUSTER (optional), DQE_BACKUP_ENGINE (native|copy).
/// </summary>
internal static class RegionRestoreSetup
{
    public static RegionRestoreService Create(HostServices services)
    {
        var env = services.Environment;
        var bucket = env.Get(FunctionVariables.RestoreBucket) is { Length: > 0 } b ? b
            : throw new InvalidOperationException($"environment variable {FunctionVariables.RestoreBucket} is not set: region restores run in the environment that receives the replicated backups (backup.receivesReplica).");
        var source = env.Get(FunctionVariables.RestoreSource) is { Length: > 0 } s ? s
            : throw new InvalidOperationException($"environment variable {FunctionVariables.RestoreSource} is not set.");
        var cluster = env.Get(FunctionVariables.ClickHouseCluster) is { Length: > 0 } c ? c : null;
        var sql = new QueryEngineSqlRunner(services.Engines.ClickHouse());
        IBackupEngine engine = env.Get(FunctionVariables.BackupEngine) == "copy" ? new CopyBackupEngine(sql) : new ClickHouseBackupEngine(sql, cluster);
        var replica = new S3BackupStore(new AmazonS3Client(), bucket, env.Get(FunctionVariables.BackupPrefix) ?? "clickhouse");
        return new RegionRestoreService(new RegionRestoreOptions(new Uri(source), cluster), engine, sql, replica,
            new KubernetesTopicApplier(services.Kubernetes.Create), services.Time);
    }
}
