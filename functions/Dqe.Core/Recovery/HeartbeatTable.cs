using Dqe.Core.Engines;

namespace Dqe.Core.Recovery;

/// <summary>
/// The RPO probe: rows (run id, sequence, written-at in ms) in <c>dqe_dr.heartbeat</c>, written every N seconds
/// before the fault; the newest row still present after recovery bounds the data lost. The database is part of
/// the backed-up set so region restores measure RPO the same way.
/// </summary>
public sealed class HeartbeatTable(ISqlRunner sql)
{
    public const string Database = "dqe_dr";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await sql.QueryAsync($"CREATE DATABASE IF NOT EXISTS {Database}", cancellationToken).ConfigureAwait(false);
        await sql.QueryAsync(
            $"CREATE TABLE IF NOT EXISTS {Database}.heartbeat (run_id String, seq UInt32, written_ms UInt64) ENGINE = MergeTree ORDER BY (run_id, seq)",
            cancellationToken).ConfigureAwait(false);
    }

    public Task WriteAsync(string runId, int sequence, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.QueryAsync($"INSERT INTO {Database}.heartbeat VALUES ('{DrillIds.Require(runId)}', {sequence}, {at.ToUnixTimeMilliseconds()})", cancellationToken);

    /// <summary>The newest heartbeat of <paramref name="runId"/> still present, or null when none survived.</summary>
    public async Task<DateTimeOffset?> NewestAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = await sql.QueryAsync(
            $"SELECT count() AS n, max(written_ms) AS newest FROM {Database}.heartbeat WHERE run_id = '{DrillIds.Require(runId)}'", cancellationToken).ConfigureAwait(false);
        return rows[0].Int64("n") == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows[0].Int64("newest"));
    }
}
