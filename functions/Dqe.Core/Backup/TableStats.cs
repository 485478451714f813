using System.Globalization;
using Dqe.Core.Engines;

namespace Dqe.Core.Backup;

/// <summary>
/// Row counts and content checksums (<c>sum(cityHash64(*))</c>) of the MergeTree tables of a database, and their
/// comparison with a manifest: the one check behind both restore verification and the region-restore drill.
/// </summary>
internal sealed class TableStats(ISqlRunner sql)
{
    public async Task<Dictionary<string, TableSnapshot>> ReadAsync(string database, CancellationToken cancellationToken)
    {
        var bytes = (await sql.QueryAsync(
                $"SELECT table, sum(bytes_on_disk) AS bytes FROM system.parts WHERE active AND database = '{database}' GROUP BY table", cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Text("table"), r => r.Int64("bytes"), StringComparer.Ordinal);
        var stats = new Dictionary<string, TableSnapshot>(StringComparer.Ordinal);
        foreach (var table in (await sql.QueryAsync(BackupNames.TablesQuery(database), cancellationToken).ConfigureAwait(false)).Select(r => r.Text("name")))
        {
            var row = (await sql.QueryAsync($"SELECT count() AS rows, sum(cityHash64(*)) AS checksum FROM `{database}`.`{table}`", cancellationToken).ConfigureAwait(false))[0];
            stats[table] = new TableSnapshot(database, table, row.Int64("rows"), Convert.ToUInt64(row["checksum"], CultureInfo.InvariantCulture), bytes.GetValueOrDefault(table));
        }

        return stats;
    }

    /// <summary>Compares every table of <paramref name="expected"/> with its copy in <paramref name="restoredAs"/>(source database).</summary>
    public async Task CompareAsync(IEnumerable<TableSnapshot> expected, Func<string, string> restoredAs, List<TableCheck> checks, List<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(restoredAs);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var group in expected.GroupBy(t => t.Database))
        {
            var restored = await ReadAsync(restoredAs(group.Key), cancellationToken).ConfigureAwait(false);
            foreach (var table in group)
            {
                var actual = restored.GetValueOrDefault(table.Table);
                var check = new TableCheck(table.Database, table.Table, table.Rows, actual?.Rows ?? -1, table.Checksum, actual?.Checksum ?? 0);
                checks.Add(check);
                if (actual is null)
                {
                    problems.Add($"{table.Database}.{table.Table}: not restored");
                }
                else if (!check.Matches)
                {
                    problems.Add($"{table.Database}.{table.Table}: expected {table.Rows} rows / checksum {table.Checksum}, restored {actual.Rows} rows / checksum {actual.Checksum}");
                }
            }
        }
    }
}
