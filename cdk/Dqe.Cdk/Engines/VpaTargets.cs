using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>The engine workloads by the names their charts and operators give them.</summary>
internal static class VpaTargets
{
    public static IReadOnlyList<VpaTarget> All(EnginesConfig engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        var targets = new List<VpaTarget>
        {
            // The chart names Deployments and containers <release>-coordinator / <release>-worker.
            new(EngineNamespaces.Trino, "apps/v1", "Deployment", $"{Trino.Release}-coordinator", $"{Trino.Release}-coordinator"),
            new(EngineNamespaces.Trino, "apps/v1", "Deployment", $"{Trino.Release}-worker", $"{Trino.Release}-worker"),
        };
        var ch = engines.ClickHouse;
        // The Altinity operator runs one StatefulSet per replica: chi-<installation>-<cluster>-<shard>-<replica>. Up to
        // the bound automation may scale to, so replicas it adds already have a recommender (a VPA without a target idles).
        for (var shard = 0; shard < ch.Shards; shard++)
        {
            for (var replica = 0; replica < ch.MaxReplicasPerShard; replica++)
            {
                targets.Add(new(EngineNamespaces.ClickHouse, "apps/v1", "StatefulSet", $"chi-{ClickHouseInstallationManifest.Name}-{ch.ClusterName}-{shard}-{replica}", "clickhouse"));
            }
        }

        for (var member = 0; member < ch.KeeperNodes; member++)
        {
            targets.Add(new(EngineNamespaces.ClickHouse, "apps/v1", "StatefulSet", $"chk-{ClickHouseKeeperManifest.Name}-keeper-0-{member}", "clickhouse-keeper"));
        }

        // Strimzi runs brokers as StrimziPodSets; their KafkaNodePool has the scale subresource the VPA needs.
        targets.Add(new(EngineNamespaces.Kafka, "kafka.strimzi.io/v1beta2", "KafkaNodePool", Kafka.PoolName, "kafka"));
        return targets;
    }
}
