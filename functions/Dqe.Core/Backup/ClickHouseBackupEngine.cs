using Dqe.Core.Engines;

namespace Dqe.Core.Backup;

/// <summary>
/// Native ClickHouse (&gt;= 22.8) backups: <c>BACKUP ... TO S3(...) ASYNC</c> with <c>base_backup</c> for
/// incrementals, <c>RESTORE ... AS scratch ASYNC</c>, progress from <c>system.backups</c> (all replicas with a cluster).
/// S3 credentials come from the server's IAM role, so no secret appears in SQL or logs.
/// </summary>
public sealed class ClickHouseBackupEngine(ISqlRunner sql, string? cluster) : IBackupEngine
{
    public async Task<BackupProgress> StartBackupAsync(BackupPlan plan, string location, string? baseLocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        BackupSql.RequireId(plan.Id);
        await sql.QueryAsync(BackupSql.Backup(plan, cluster, location, baseLocation), cancellationToken).ConfigureAwait(false);
        return new BackupProgress(plan.Id, BackupState.Running);
    }

    public async Task<BackupProgress> StartRestoreAsync(BackupManifest manifest, RestoreTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(target);
        var operationId = BackupSql.RequireId(target.OperationId);
        await sql.QueryAsync(BackupSql.Restore(operationId, cluster, target.Location, target.Databases, target.BaseLocation), cancellationToken).ConfigureAwait(false);
        return new BackupProgress(operationId, BackupState.Running);
    }

    public async Task<BackupProgress> GetProgressAsync(string operationId, CancellationToken cancellationToken)
    {
        var rows = await sql.QueryAsync(BackupSql.Status(operationId, cluster), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            // system.backups is in memory: a server restart forgets the operation, which then never finishes.
            return new BackupProgress(operationId, BackupState.Failed, "operation not found in system.backups (server restarted?)");
        }

        var states = rows.Select(r => (Status: r.Text("status"), Error: r.Text("error"))).ToList();
        var failed = states.FirstOrDefault(s => s.Status.EndsWith("_FAILED", StringComparison.Ordinal) || s.Status.EndsWith("_CANCELLED", StringComparison.Ordinal));
        var bytes = rows.Sum(r => r.Int64("total_size"));
        var files = rows.Sum(r => r.Int64("num_files"));
        if (failed.Status is not null)
        {
            return new BackupProgress(operationId, BackupState.Failed, $"{failed.Status}: {failed.Error}", bytes, files);
        }

        var done = states.All(s => s.Status is "BACKUP_CREATED" or "RESTORED");
        return new BackupProgress(operationId, done ? BackupState.Succeeded : BackupState.Running, "", bytes, files);
    }
}
