using Dqe.Core.Backup;
using Dqe.Core.Engines;

namespace Dqe.Core.Recovery.Restore;

/// <summary>
/// The ClickHouse databases a region-restore drill created, found by their run-labelled name
/// (<see cref="BackupNames.RestoredPrefix"/>) on the server, not by a list the run kept: a crashed run's are found too.
/// </summary>
public sealed class RestoredDatabases(ISqlRunner sql)
{
    public async Task<IReadOnlyList<string>> ListAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = await sql.QueryAsync($"SELECT name FROM system.databases WHERE startsWith(name, '{BackupNames.RestoredPrefix(DrillIds.Require(runId))}') ORDER BY name", cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.Text("name"))];
    }

    /// <summary>Drops every database of the run; returns their names.</summary>
    public async Task<IReadOnlyList<string>> DropAsync(string runId, CancellationToken cancellationToken)
    {
        var databases = await ListAsync(runId, cancellationToken).ConfigureAwait(false);
        foreach (var database in databases)
        {
            await sql.QueryAsync($"DROP DATABASE IF EXISTS `{database}`", cancellationToken).ConfigureAwait(false);
        }

        return databases;
    }
}
