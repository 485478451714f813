using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class TrinoTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Chart_PerEnvironment_PinnedVersionInOwnNamespace(string env)
    {
        var synth = Synth.Env(env);

        var chart = synth.EngineResources.Chart("trino");

        Assert.Equal(synth.Config.Engines.Trino.ChartVersion, (string?)chart["Version"]);
        Assert.Equal("trino", (string?)chart["Namespace"]);
        Assert.Equal("https://trinodb.github.io/charts", (string?)chart["Repository"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Values_PerEnvironment_WorkersAndHpaBoundsFromConfig(string env)
    {
        var synth = Synth.Env(env);
        var trino = synth.Config.Engines.Trino;

        var server = synth.EngineResources.Values("trino")["server"]!;

        Assert.Equal(trino.Workers, (int)server["workers"]!);
        Assert.True(trino.Workers >= 3);
        Assert.True((bool)server["autoscaling"]!["enabled"]!);
        Assert.Equal(trino.MaxWorkers, (int)server["autoscaling"]!["maxReplicas"]!);
        Assert.Equal(trino.HpaCpuTargetPercent, (int)server["autoscaling"]!["targetCPUUtilizationPercentage"]!);
        Assert.Equal(trino.HpaMemoryTargetPercent, (int)server["autoscaling"]!["targetMemoryUtilizationPercentage"]!);
    }

    [Fact]
    public void Values_Workers_ResourcesAndMemoryDerivedFromContainer()
    {
        var worker = Synth.Env("dev").EngineResources.Values("trino")["worker"]!;

        Assert.Equal("4Gi", (string?)worker["resources"]!["limits"]!["memory"]);
        Assert.Equal("4Gi", (string?)worker["resources"]!["requests"]!["memory"]);
        Assert.Equal("2000m", (string?)worker["resources"]!["limits"]!["cpu"]);
        Assert.Equal("3276M", (string?)worker["jvm"]!["maxHeapSize"]);
        Assert.Equal("1638MB", (string?)worker["config"]!["query"]!["maxMemoryPerNode"]);
        Assert.Equal("982MB", (string?)worker["config"]!["memory"]!["heapHeadroomPerNode"]);
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("worker")]
    public void Values_Pods_ScheduledOnAnalyticsNodes(string role)
    {
        var node = Synth.Env("dev").EngineResources.Values("trino")[role]!;

        Assert.Equal("analytics", (string?)node["nodeSelector"]!["dqe.io/pool"]);
        var toleration = Assert.Single(node["tolerations"]!.AsArray())!;
        Assert.Equal("dqe.io/pool", (string?)toleration["key"]);
        Assert.Equal("analytics", (string?)toleration["value"]);
        Assert.Equal("NoSchedule", (string?)toleration["effect"]);
    }

    [Fact]
    public void Values_Workers_ShutDownGracefullyWithinPodGracePeriod()
    {
        var synth = Synth.Env("dev");
        var worker = synth.EngineResources.Values("trino")["worker"]!;

        Assert.True((bool)worker["gracefulShutdown"]!["enabled"]!);
        var grace = (int)worker["gracefulShutdown"]!["gracePeriodSeconds"]!;
        Assert.Equal(synth.Config.Engines.Trino.GracefulShutdownSeconds, grace);
        Assert.True((int)worker["terminationGracePeriodSeconds"]! >= 2 * grace);
    }

    [Fact]
    public void Values_Catalogs_HiveOnGlueAndS3WithoutKeysPlusBenchmarkKafkaAndPostgres()
    {
        var catalogs = Synth.Env("dev").EngineResources.Values("trino")["catalogs"]!.AsObject();

        Assert.Equal(["hive", "kafka", "postgresql", "tpcds", "tpch"], catalogs.Select(c => c.Key).Order(StringComparer.Ordinal));
        var hive = (string)catalogs["hive"]!;
        Assert.Contains("connector.name=hive\n", hive, StringComparison.Ordinal);
        Assert.Contains("hive.metastore=glue\n", hive, StringComparison.Ordinal);
        Assert.Contains($"hive.metastore.glue.default-warehouse-dir=s3://{EngineResources.Token}/curated/\n", hive, StringComparison.Ordinal);
        Assert.DoesNotContain("s3.aws-access-key", hive, StringComparison.Ordinal);
        Assert.DoesNotContain("s3.endpoint", hive, StringComparison.Ordinal);
        Assert.Contains("connector.name=tpch\n", (string)catalogs["tpch"]!, StringComparison.Ordinal);
        Assert.Contains("connector.name=tpcds\n", (string)catalogs["tpcds"]!, StringComparison.Ordinal);
        Assert.Contains("kafka.nodes=dqe-kafka-bootstrap.kafka.svc:9093\n", (string)catalogs["kafka"]!, StringComparison.Ordinal);
        Assert.Contains("kafka.security-protocol=SSL\n", (string)catalogs["kafka"]!, StringComparison.Ordinal);
        Assert.Contains("kafka.ssl.keystore.location=/etc/trino/kafka-client/user.p12\n", (string)catalogs["kafka"]!, StringComparison.Ordinal);
        var postgres = (string)catalogs["postgresql"]!;
        Assert.Contains("connection-url=jdbc:postgresql://postgres.dqe.internal:5432/dqe?sslmode=require\n", postgres, StringComparison.Ordinal);
        Assert.Contains("connection-password=${ENV:POSTGRES_PASSWORD}\n", postgres, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_Metrics_JmxExporterAndServiceMonitorEnabled()
    {
        var values = Synth.Env("dev").EngineResources.Values("trino");

        Assert.True((bool)values["jmx"]!["enabled"]!);
        Assert.True((bool)values["jmx"]!["exporter"]!["enabled"]!);
        Assert.DoesNotContain(":latest", (string)values["jmx"]!["exporter"]!["image"]!, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse((string)values["jmx"]!["exporter"]!["configProperties"]!)!["rules"]);
        Assert.True((bool)values["serviceMonitor"]!["enabled"]!);
        Assert.Equal("kube-prometheus-stack", (string?)values["serviceMonitor"]!["labels"]!["release"]);
    }

    [Fact]
    public void DisruptionBudget_Workers_OneVoluntaryEvictionAtATime()
    {
        var pdb = Synth.Env("dev").EngineResources.Object("PodDisruptionBudget", "trino-worker", "trino");

        Assert.Equal(1, (int)pdb["spec"]!["maxUnavailable"]!);
        Assert.Equal("worker", (string?)pdb["spec"]!["selector"]!["matchLabels"]!["app.kubernetes.io/component"]);
    }

    [Fact]
    public void ServiceAccount_Irsa_ScopedToLakePrefixesAndGlueDatabase()
    {
        var synth = Synth.Env("dev");

        var statements = IamPolicies.StatementsOfRoleFor(synth.EngineResources, "system:serviceaccount:trino:trino");

        var s3Resources = IamPolicies.ResourcesOf(statements, "s3:");
        Assert.Contains(s3Resources, r => r.EndsWith("/raw/*", StringComparison.Ordinal));
        Assert.Contains(s3Resources, r => r.EndsWith("/curated/*", StringComparison.Ordinal));
        Assert.DoesNotContain(s3Resources, r => r.EndsWith("/*", StringComparison.Ordinal) && !r.EndsWith("/raw/*", StringComparison.Ordinal) && !r.EndsWith("/curated/*", StringComparison.Ordinal));
        // Object writes only under curated/ (the bare bucket ARN names no object).
        var writes = IamPolicies.ResourcesOf(statements, "s3:PutObject").Where(r => r != EngineResources.Token).ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, r => Assert.EndsWith("/curated/*", r, StringComparison.Ordinal));
        Assert.Contains(IamPolicies.ResourcesOf(statements, "glue:GetTable"), r => r.Contains("table/dqe_dev_lake/*", StringComparison.Ordinal));
    }

    [Fact]
    public void Authentication_PasswordFileFromGeneratedSecretAndSharedInternalSecret()
    {
        var resources = Synth.Env("dev").EngineResources;
        var values = resources.Values("trino");

        Assert.Equal("PASSWORD", (string?)values["server"]!["config"]!["authenticationType"]);
        Assert.Equal("trino-password-authentication", (string?)values["auth"]!["passwordAuthSecret"]);
        Assert.Contains("internal-communication.shared-secret=${ENV:TRINO_SHARED_SECRET}", values["additionalConfigProperties"]!.AsArray().Select(p => (string)p!));
        var passwordFile = resources.Object("ExternalSecret", "trino-password-authentication", "trino");
        Assert.Contains("htpasswd \"dqe\" (index . \"password_dqe\")", (string)passwordFile["spec"]!["target"]!["template"]!["data"]!["password.db"]!, StringComparison.Ordinal);
        // The ARN of the generated secret, resolved at deploy time (a name with the ARN suffix would not resolve).
        Assert.Equal(EngineResources.Token, (string?)passwordFile["spec"]!["data"]![0]!["remoteRef"]!["key"]);
        Assert.Contains(resources.Resources, r => (string?)r.Value!["Type"] == "AWS::SecretsManager::Secret" && (string?)r.Value!["Properties"]!["Name"] == "dqe/dev/trino-internal");
    }
}
