using System.Globalization;
using System.Text.RegularExpressions;

namespace Dqe.Cdk.Config;

/// <summary>Checks the <c>engines</c> section (and <c>lake.store</c>) against itself and the node groups that must hold it.</summary>
internal static partial class EnginesConfigValidator
{
    public static readonly IReadOnlyList<string> Stores = ["s3", "minio"];

    public static readonly IReadOnlyList<string> Compressions = ["lz4", "lz4hc", "zstd"];

    public static void Validate(DqeConfig config, Action<bool, string> check)
    {
        var engines = config.Engines;
        check(Stores.Contains(config.Lake.Store), $"lake.store = '{config.Lake.Store}' must be one of {string.Join(", ", Stores)}");
        Chart("engines.trino.chartVersion", engines.Trino.ChartVersion, check);
        Chart("engines.clickHouse.operatorChartVersion", engines.ClickHouse.OperatorChartVersion, check);
        Chart("engines.spark.operatorChartVersion", engines.Spark.OperatorChartVersion, check);
        Chart("engines.kafka.operatorChartVersion", engines.Kafka.OperatorChartVersion, check);
        Chart("engines.minIo.chartVersion", engines.MinIo.ChartVersion, check);
        Chart("engines.certManagerChartVersion", engines.CertManagerChartVersion, check);
        Chart("engines.externalDnsChartVersion", engines.ExternalDnsChartVersion, check);
        Chart("engines.vpa.chartVersion", engines.Vpa.ChartVersion, check);
        ValidateTrino(engines.Trino, check);
        ValidateClickHouse(config, check);
        InternodeTlsValidator.Validate(engines.ClickHouse, check);
        ValidateSpark(engines.Spark, check);
        ValidateKafka(config, check);
        ValidateMinIo(engines.MinIo, check);
        ValidateCapacity(config, check);
        TuningConfigValidator.Validate(config, check);
        EngineUsersValidator.Validate(config, check);
        check(DnsLabelPattern().IsMatch(engines.Monitoring.Namespace),
            $"engines.monitoring.namespace = '{engines.Monitoring.Namespace}' is not a Kubernetes namespace name (DNS-1123 label)");
    }

    private static void ValidateTrino(TrinoConfig trino, Action<bool, string> check)
    {
        check(trino.Workers is >= 3 and <= 100, $"engines.trino.workers = {trino.Workers} must be 3-100 (the HPA floor; fewer cannot survive losing a node mid-query)");
        check(trino.MaxWorkers >= Math.Max(3, trino.Workers) && trino.MaxWorkers <= 100,
            $"engines.trino.maxWorkers = {trino.MaxWorkers} must be {Math.Max(3, trino.Workers)}-100 (at least workers)");
        Resources("engines.trino.worker", trino.Worker, check);
        Resources("engines.trino.coordinator", trino.Coordinator, check);
        check(trino.Worker.MemoryGib >= 2, $"engines.trino.worker.memoryGib = {trino.Worker.MemoryGib} must be at least 2 (JVM heap plus query memory)");
        check(trino.HpaCpuTargetPercent is >= 10 and <= 100, $"engines.trino.hpaCpuTargetPercent = {trino.HpaCpuTargetPercent} must be 10-100");
        check(trino.HpaMemoryTargetPercent is >= 10 and <= 100, $"engines.trino.hpaMemoryTargetPercent = {trino.HpaMemoryTargetPercent} must be 10-100");
        check(trino.GracefulShutdownSeconds is >= 10 and <= 3600, $"engines.trino.gracefulShutdownSeconds = {trino.GracefulShutdownSeconds} must be 10-3600");
        foreach (var table in trino.KafkaTables)
        {
            check(TopicPattern().IsMatch(table), $"engines.trino.kafkaTables: '{table}' is not a Kafka topic name");
        }

        var pg = trino.Postgres;
        check(HostPattern().IsMatch(pg.Host), $"engines.trino.postgres.host = '{pg.Host}' is not a host name");
        check(pg.Port is >= 1 and <= 65535, $"engines.trino.postgres.port = {pg.Port} must be 1-65535");
        check(IdentifierPattern().IsMatch(pg.Database), $"engines.trino.postgres.database = '{pg.Database}' is not a database name");
        check(IdentifierPattern().IsMatch(pg.User), $"engines.trino.postgres.user = '{pg.User}' is not a user name");
        check(SecretNamePattern().IsMatch(pg.PasswordSecretName), $"engines.trino.postgres.passwordSecretName = '{pg.PasswordSecretName}' is not a Secrets Manager secret name");
    }

    private static void ValidateClickHouse(DqeConfig config, Action<bool, string> check)
    {
        var ch = config.Engines.ClickHouse;
        var zones = config.Network.AvailabilityZones.Count;
        var nodes = config.NodeGroups.Analytics.MaxSize;
        Image("engines.clickHouse.image", ch.Image, check);
        Image("engines.clickHouse.keeperImage", ch.KeeperImage, check);
        check(IdentifierPattern().IsMatch(ch.ClusterName), $"engines.clickHouse.clusterName = '{ch.ClusterName}' must be a lower-case identifier");
        check(ch.Shards is >= 1 and <= 10, $"engines.clickHouse.shards = {ch.Shards} must be 1-10");
        check(ch.MaxReplicasPerShard >= 1 && ch.MaxReplicasPerShard <= zones,
            $"engines.clickHouse.maxReplicasPerShard = {ch.MaxReplicasPerShard} must be 1-{zones} (one replica of a shard per availability zone)");
        check(ch.ReplicasPerShard >= 1 && ch.ReplicasPerShard <= ch.MaxReplicasPerShard,
            $"engines.clickHouse.replicasPerShard = {ch.ReplicasPerShard} must be 1-{ch.MaxReplicasPerShard} (at most maxReplicasPerShard)");
        check(ch.Shards * ch.MaxReplicasPerShard <= nodes,
            $"engines.clickHouse: {ch.Shards} shards x {ch.MaxReplicasPerShard} replicas need {ch.Shards * ch.MaxReplicasPerShard} analytics nodes (one server per node) but nodeGroups.analytics.maxSize = {nodes}");
        check(ch.KeeperNodes is 3 or 5, $"engines.clickHouse.keeperNodes = {ch.KeeperNodes} must be 3 or 5 (an odd Raft quorum)");
        Resources("engines.clickHouse.resources", ch.Resources, check);
        check(ch.StorageGib is >= 10 and <= 16384, $"engines.clickHouse.storageGib = {ch.StorageGib} must be 10-16384");
        check(Compressions.Contains(ch.Compression), $"engines.clickHouse.compression = '{ch.Compression}' must be one of {string.Join(", ", Compressions)}");
        var mt = ch.MergeTree;
        check(mt.PartsToDelayInsert is >= 10 and <= 10000, $"engines.clickHouse.mergeTree.partsToDelayInsert = {mt.PartsToDelayInsert} must be 10-10000");
        check(mt.PartsToThrowInsert > mt.PartsToDelayInsert && mt.PartsToThrowInsert <= 20000,
            $"engines.clickHouse.mergeTree.partsToThrowInsert = {mt.PartsToThrowInsert} must be {mt.PartsToDelayInsert + 1}-20000 (above partsToDelayInsert)");
        check(mt.MaxPartsInTotal is >= 1000 and <= 1000000, $"engines.clickHouse.mergeTree.maxPartsInTotal = {mt.MaxPartsInTotal} must be 1000-1000000");
        check(mt.MaxMergeSizeGib is >= 1 and <= 1024, $"engines.clickHouse.mergeTree.maxMergeSizeGib = {mt.MaxMergeSizeGib} must be 1-1024");
    }

    private static void ValidateSpark(SparkConfig spark, Action<bool, string> check)
    {
        Image("engines.spark.image", spark.Image, check);
        check(SparkVersionPattern().IsMatch(spark.SparkVersion), $"engines.spark.sparkVersion = '{spark.SparkVersion}' must be 3.MINOR.PATCH");
        check(spark.MaxExecutors is >= 1 and <= 200, $"engines.spark.maxExecutors = {spark.MaxExecutors} must be 1-200");
        check(spark.MinExecutors >= 0 && spark.MinExecutors <= spark.MaxExecutors,
            $"engines.spark.minExecutors = {spark.MinExecutors} must be 0-{spark.MaxExecutors} (at most maxExecutors)");
        Resources("engines.spark.executor", spark.Executor, check);
        Resources("engines.spark.driver", spark.Driver, check);
        check(IdentifierPattern().IsMatch(spark.IngestionTable), $"engines.spark.ingestionTable = '{spark.IngestionTable}' must be a lower-case identifier");
    }

    private static void ValidateKafka(DqeConfig config, Action<bool, string> check)
    {
        var kafka = config.Engines.Kafka;
        check(KafkaVersionPattern().IsMatch(kafka.KafkaVersion), $"engines.kafka.kafkaVersion = '{kafka.KafkaVersion}' must be MAJOR.MINOR.PATCH");
        check(kafka.Brokers is >= 3 and <= 9, $"engines.kafka.brokers = {kafka.Brokers} must be 3-9");
        check(kafka.Brokers <= config.NodeGroups.Analytics.MaxSize,
            $"engines.kafka.brokers = {kafka.Brokers} exceeds nodeGroups.analytics.maxSize = {config.NodeGroups.Analytics.MaxSize} (one broker per node)");
        Resources("engines.kafka.resources", kafka.Resources, check);
        check(kafka.StorageGib is >= 10 and <= 16384, $"engines.kafka.storageGib = {kafka.StorageGib} must be 10-16384");
        check(TopicPattern().IsMatch(kafka.IngestionTopic), $"engines.kafka.ingestionTopic = '{kafka.IngestionTopic}' is not a Kafka topic name");
        check(kafka.IngestionPartitions is >= 1 and <= 1000, $"engines.kafka.ingestionPartitions = {kafka.IngestionPartitions} must be 1-1000");
    }

    private static void ValidateMinIo(MinIoConfig minIo, Action<bool, string> check)
    {
        check(minIo.Servers is >= 4 and <= 16 && minIo.Servers % 2 == 0, $"engines.minIo.servers = {minIo.Servers} must be an even number from 4 to 16 (erasure coding)");
        check(minIo.VolumeGib is >= 10 and <= 16384, $"engines.minIo.volumeGib = {minIo.VolumeGib} must be 10-16384");
        Resources("engines.minIo.resources", minIo.Resources, check);
    }

    /// <summary>
    /// The engines' pods at their deploy-time sizes must fit the analytics pool at its maximum size on its smallest
    /// instance type: otherwise pods stay Pending however far the autoscaler scales.
    /// </summary>
    private static void ValidateCapacity(DqeConfig config, Action<bool, string> check)
    {
        var pool = config.NodeGroups.Analytics;
        var sizes = pool.InstanceTypes.Select(InstanceCapacity.VCpus).ToList();
        if (sizes.Count == 0 || sizes.Any(s => s is null))
        {
            return;
        }

        var engines = config.Engines;
        // CPU requests are 85% of the configured limits (see Kube.Resources); Keeper pods ask for 1 CPU.
        double Requests(int pods, PodResourcesConfig resources) => pods * resources.Cpu * 0.85;
        var demand = Requests(engines.ClickHouse.Shards * engines.ClickHouse.ReplicasPerShard, engines.ClickHouse.Resources)
            + (engines.ClickHouse.KeeperNodes * 0.85)
            + Requests(engines.Kafka.Brokers, engines.Kafka.Resources)
            + Requests(1, engines.Trino.Coordinator)
            + Requests(engines.Trino.Workers, engines.Trino.Worker)
            + (config.Lake.Store == "minio" ? Requests(engines.MinIo.Servers, engines.MinIo.Resources) : 0);
        var smallest = sizes.Min()!.Value;
        var capacity = pool.MaxSize * smallest * InstanceCapacity.AllocatableShare;
        check(demand <= capacity, string.Create(CultureInfo.InvariantCulture,
            $"engines: the engines request {demand:0.#} CPUs on the analytics pool at deploy time but nodeGroups.analytics allows {capacity:0.#} ({pool.MaxSize} x {smallest} vCPUs, 90% allocatable): raise nodeGroups.analytics.maxSize or lower engine sizes"));
    }

    private static void Chart(string key, string version, Action<bool, string> check) =>
        check(ChartVersionPattern().IsMatch(version), $"{key} = '{version}' is not a pinned chart version: use MAJOR.MINOR.PATCH (e.g. 1.2.3, or v1.2.3 where the chart tags so), no ranges or 'latest'");

    private static void Image(string key, string image, Action<bool, string> check) =>
        check(ImagePattern().IsMatch(image) && !image.EndsWith(":latest", StringComparison.Ordinal),
            $"{key} = '{image}' must name an image with an explicit version tag (REPOSITORY:TAG, not latest)");

    private static void Resources(string key, PodResourcesConfig resources, Action<bool, string> check)
    {
        check(resources.MemoryGib is >= 1 and <= 256, $"{key}.memoryGib = {resources.MemoryGib} must be 1-256");
        check(resources.Cpu is >= 0.5 and <= 64, $"{key}.cpu = {resources.Cpu} must be 0.5-64");
    }

    [GeneratedRegex(@"^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex ChartVersionPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex KafkaVersionPattern();

    [GeneratedRegex(@"^3\.\d+\.\d+$")]
    private static partial Regex SparkVersionPattern();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(/[a-z0-9._-]+)*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,249}$")]
    private static partial Regex TopicPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^[A-Za-z0-9/_+=.@-]{1,512}$")]
    private static partial Regex SecretNamePattern();
}
