using Dqe.Core.Engines;

namespace Dqe.Core.Backup;

/// <summary>
/// Fallback for servers without <c>BACKUP</c> (before 22.8, e.g. the Debian 18.16 package the tests run): a
/// "backup" copies every MergeTree table into a holding database (<c>CREATE TABLE ... AS</c> + <c>INSERT ...
/// SELECT</c>) and a restore copies it on into the scratch databases. Operations finish inside Start*, so the
/// same verification (counts, checksums, drop) runs on a real server. Not for replicated tables.
/// </summary>
public sealed class CopyBackupEngine(ISqlRunner sql) : IBackupEngine
{
    public async Task<BackupProgress> StartBackupAsync(BackupPlan plan, string location, string? baseLocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var database in plan.Databases)
        {
            await CopyDatabaseAsync(database, BackupNames.Holding(plan.Id, database), cancellationToken).ConfigureAwait(false);
        }

        return await GetProgressAsync(plan.Id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BackupProgress> StartRestoreAsync(BackupManifest manifest, RestoreTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(target);
        foreach (var (source, into) in target.Databases)
        {
            await CopyDatabaseAsync(BackupNames.Holding(manifest.Id, source), into, cancellationToken).ConfigureAwait(false);
        }

        return await GetProgressAsync(target.OperationId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BackupProgress> GetProgressAsync(string operationId, CancellationToken cancellationToken)
    {
        var prefix = BackupNames.TargetPrefix(operationId);
        var rows = await sql.QueryAsync($"SELECT count() AS n FROM system.databases WHERE startsWith(name, '{prefix}')", cancellationToken).ConfigureAwait(false);
        return rows[0].Int64("n") > 0
            ? new BackupProgress(operationId, BackupState.Succeeded)
            : new BackupProgress(operationId, BackupState.Failed, $"no database {prefix}* exists");
    }

    private async Task CopyDatabaseAsync(string from, string to, CancellationToken cancellationToken)
    {
        var tables = await sql.QueryAsync(BackupNames.TablesQuery(from), cancellationToken).ConfigureAwait(false);
        await sql.QueryAsync($"CREATE DATABASE IF NOT EXISTS `{to}`", cancellationToken).ConfigureAwait(false);
        foreach (var table in tables.Select(t => t.Text("name")))
        {
            await sql.QueryAsync($"CREATE TABLE `{to}`.`{table}` AS `{from}`.`{table}`", cancellationToken).ConfigureAwait(false);
            await sql.QueryAsync($"INSERT INTO `{to}`.`{table}` SELECT * FROM `{from}`.`{table}`", cancellationToken).ConfigureAwait(false);
        }
    }
}
