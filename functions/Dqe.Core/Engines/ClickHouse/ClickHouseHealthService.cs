using System.Globalization;

namespace Dqe.Core.Engines.ClickHouse;

/// <summary>
/// Cluster health (topology, replica lag/read-only, Keeper) and table counts/checksums for backup and DR
/// checks. Reads system tables with <c>SELECT *</c> and picks columns by name, so it works across versions.
/// </summary>
public sealed class ClickHouseHealthService
{
    private const int UnknownTable = 60;
    private readonly IQueryEngine _engine;
    private readonly ClickHouseHealthOptions _options;

    public ClickHouseHealthService(IQueryEngine engine, ClickHouseHealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _engine = engine;
        _options = options;
    }

    public async Task<ClickHouseClusterHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var version = (await QueryAsync("SELECT version() AS version", cancellationToken).ConfigureAwait(false))[0].Text("version");
        var nodes = (await QueryAsync("SELECT * FROM system.clusters", cancellationToken).ConfigureAwait(false))
            .Select(r => new ClickHouseClusterNode(r.Text("cluster"), r.Int64("shard_num"), r.Int64("replica_num"), r.Text("host_name"), r.Int64("port"),
                r.Int64("is_local") == 1, r.Int64("errors_count")))
            .ToList();
        var replicas = (await QueryAsync("SELECT * FROM system.replicas", cancellationToken).ConfigureAwait(false))
            .Select(r => new ClickHouseReplicaStatus(r.Text("database"), r.Text("table"), r.Int64("is_readonly") == 1, r.Int64("is_session_expired") == 1,
                r.Int64("absolute_delay"), r.Int64("queue_size"), r.Int64("active_replicas"), r.Int64("total_replicas")))
            .ToList();
        var keeper = await KeeperAsync(cancellationToken).ConfigureAwait(false);

        var problems = new List<string>();
        foreach (var node in nodes.Where(n => n.ErrorsCount > 0))
        {
            problems.Add($"cluster {node.Cluster} shard {node.Shard} replica {node.Replica} ({node.Host}:{node.Port}): {node.ErrorsCount} connection errors");
        }

        foreach (var replica in replicas)
        {
            var name = $"{replica.Database}.{replica.Table}";
            Add(problems, replica.IsReadonly, $"{name}: replica is read-only (Keeper session or metadata lost)");
            Add(problems, replica.IsSessionExpired, $"{name}: Keeper session expired");
            Add(problems, replica.AbsoluteDelaySeconds > _options.MaxReplicaDelaySeconds, $"{name}: {replica.AbsoluteDelaySeconds} s behind (limit {_options.MaxReplicaDelaySeconds} s)");
            Add(problems, replica.QueueSize > _options.MaxReplicationQueue, $"{name}: replication queue {replica.QueueSize} (limit {_options.MaxReplicationQueue})");
            Add(problems, replica.ActiveReplicas < replica.TotalReplicas, $"{name}: {replica.ActiveReplicas}/{replica.TotalReplicas} replicas active");
        }

        Add(problems, keeper.Configured && !keeper.Reachable, $"Keeper/ZooKeeper unreachable: {keeper.Detail}");
        Add(problems, !keeper.Configured && replicas.Count > 0, "replicated tables exist but no Keeper/ZooKeeper is configured");
        return new ClickHouseClusterHealth(version, nodes, replicas, keeper, problems);
    }

    /// <summary>Row count per MergeTree-family table of <paramref name="database"/> from active parts (cheap, no scan).</summary>
    public async Task<IReadOnlyDictionary<string, long>> TableRowCountsAsync(string database, CancellationToken cancellationToken)
    {
        RequireIdentifier(database, nameof(database));
        var rows = await _engine.QueryRowsAsync(new QueryRequest(
            "SELECT table, sum(rows) AS rows FROM system.parts WHERE active AND database = {db:String} GROUP BY table ORDER BY table",
            new Dictionary<string, string> { ["db"] = database }), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Text("table"), r => r.Int64("rows"), StringComparer.Ordinal);
    }

    /// <summary>Exact count and content checksum of one table (a full scan).</summary>
    public async Task<ClickHouseTableStats> TableChecksumAsync(string database, string table, CancellationToken cancellationToken)
    {
        RequireIdentifier(database, nameof(database));
        RequireIdentifier(table, nameof(table));
        var row = (await QueryAsync($"SELECT count() AS rows, sum(cityHash64(*)) AS checksum FROM `{database}`.`{table}`", cancellationToken).ConfigureAwait(false))[0];
        return new ClickHouseTableStats(database, table, row.Int64("rows"), Convert.ToUInt64(row["checksum"], CultureInfo.InvariantCulture));
    }

    private async Task<ClickHouseKeeperStatus> KeeperAsync(CancellationToken cancellationToken)
    {
        try
        {
            var children = await QueryAsync("SELECT name FROM system.zookeeper WHERE path = '/'", cancellationToken).ConfigureAwait(false);
            return new ClickHouseKeeperStatus(true, true, $"{children.Count} znodes under /");
        }
        catch (QueryEngineException e) when (e.ErrorCode == UnknownTable)
        {
            // system.zookeeper only exists when <zookeeper> is configured.
            return new ClickHouseKeeperStatus(false, false, "not configured");
        }
        catch (QueryEngineException e)
        {
            return new ClickHouseKeeperStatus(true, false, e.Message);
        }
    }

    private Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, CancellationToken cancellationToken) =>
        _engine.QueryRowsAsync(new QueryRequest(sql), cancellationToken);

    private static void Add(List<string> problems, bool condition, string problem)
    {
        if (condition)
        {
            problems.Add(problem);
        }
    }

    private static void RequireIdentifier(string value, string field)
    {
        if (value is null || !ClickHouseClientOptions.Identifier().IsMatch(value))
        {
            throw new ArgumentException($"{field} '{value}' is not a plain identifier.", field);
        }
    }
}
