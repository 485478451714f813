namespace Dqe.Core.Benchmarks.ClickHouseData;

/// <summary>
/// One <c>benchmarks/clickhouse/&lt;suite&gt;/&lt;table&gt;.ddl.sql</c> template: a CREATE TABLE with <c>{table}</c>,
/// <c>{on_cluster}</c> and <c>{engine}</c> holes, a <c>-- shard-key:</c> header and one column per line.
/// </summary>
internal sealed record TableTemplate(string Name, string ShardKey, IReadOnlyList<string> Columns, string Sql)
{
    public static TableTemplate Parse(string name, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var shardKey = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("-- shard-key:", StringComparison.Ordinal))?["-- shard-key:".Length..].Trim();
        var sql = string.Join('\n', lines.Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();
        var open = Array.FindIndex(lines, l => l.Trim() == "(");
        var close = Array.FindIndex(lines, l => l.Trim() == ")");
        var columns = open < 0 || close < open ? [] : lines[(open + 1)..close].Select(l => l.Trim().Split(' ')[0]).Where(c => c.Length > 0).ToList();
        foreach (var hole in new[] { "{table}", "{on_cluster}", "{engine}" })
        {
            if (!sql.Contains(hole, StringComparison.Ordinal))
            {
                throw new BenchmarkException($"{name}.ddl.sql: the template has no {hole}.");
            }
        }

        return string.IsNullOrEmpty(shardKey) || columns.Count == 0
            ? throw new BenchmarkException($"{name}.ddl.sql: needs a '-- shard-key:' header and one column per line between '(' and ')'.")
            : new TableTemplate(name, shardKey, columns, sql);
    }

    /// <summary>
    /// One server: the MergeTree table itself. Cluster: the ReplicatedMergeTree <c>&lt;name&gt;_local</c> on every node
    /// (Keeper path per shard, replica name from the operator's macros) and the Distributed table queries use.
    /// </summary>
    public IReadOnlyList<string> Create(ClickHouseDataOptions options)
    {
        if (options.Cluster is not { } cluster)
        {
            return [Fill($"`{Name}`", "", "MergeTree()")];
        }

        var db = options.Database;
        var local = Name + "_local";
        var onCluster = $"ON CLUSTER `{cluster}`";
        return
        [
            Fill($"`{db}`.`{local}`", onCluster, $"ReplicatedMergeTree('/clickhouse/tables/{{shard}}/{db}/{local}', '{{replica}}')"),
            $"CREATE TABLE IF NOT EXISTS `{db}`.`{Name}` {onCluster} AS `{db}`.`{local}` ENGINE = Distributed('{cluster}', '{db}', '{local}', cityHash64({ShardKey}))",
        ];
    }

    /// <summary>The table inserts and counts go to (the Distributed one on a cluster).</summary>
    public string Target(ClickHouseDataOptions options) => options.IsCluster ? $"`{options.Database}`.`{Name}`" : $"`{Name}`";

    /// <summary>Empties the table: on a cluster the local tables of every node (a Distributed table holds no data).</summary>
    public string Truncate(ClickHouseDataOptions options) => options.Cluster is { } cluster
        ? $"TRUNCATE TABLE `{options.Database}`.`{Name}_local` ON CLUSTER `{cluster}`"
        : $"TRUNCATE TABLE `{Name}`";

    /// <summary>INSERT of the template's columns, by name, from a SELECT or table function that provides them.</summary>
    public string InsertFrom(ClickHouseDataOptions options, string source)
    {
        var columns = string.Join(", ", Columns.Select(c => $"`{c}`"));
        return $"INSERT INTO {Target(options)} ({columns}) SELECT {columns} FROM {source}";
    }

    // {engine} last: the engine text carries the {shard}/{replica} macros, which must reach ClickHouse untouched.
    private string Fill(string table, string onCluster, string engine) =>
        Sql.Replace("{table}", table, StringComparison.Ordinal).Replace("{on_cluster}", onCluster, StringComparison.Ordinal).Replace("{engine}", engine, StringComparison.Ordinal);
}
