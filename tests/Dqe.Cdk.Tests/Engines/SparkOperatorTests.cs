using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class SparkOperatorTests
{
    [Fact]
    public void Operator_Chart_PinnedWithIrsaServiceAccountAndMetrics()
    {
        var synth = Synth.Env("dev");

        var values = synth.EngineResources.Values("spark-operator");

        Assert.Equal(synth.Config.Engines.Spark.OperatorChartVersion, (string?)synth.EngineResources.Chart("spark-operator")["Version"]);
        Assert.False((bool)values["spark"]!["serviceAccount"]!["create"]!);
        Assert.Equal("spark", (string?)values["spark"]!["serviceAccount"]!["name"]);
        Assert.Equal(["spark"], values["spark"]!["jobNamespaces"]!.AsArray().Select(n => (string)n!));
        Assert.True((bool)values["prometheus"]!["metrics"]!["enable"]!);
    }

    [Fact]
    public void Ingestion_Application_StoredForSubmissionWithDynamicAllocation()
    {
        var synth = Synth.Env("dev");
        var spark = synth.Config.Engines.Spark;

        var configMap = synth.EngineResources.Object("ConfigMap", "spark-ingestion", "spark");
        var app = JsonNode.Parse((string)configMap["data"]!["kafka-to-lake.json"]!)!;

        Assert.Equal("SparkApplication", (string?)app["kind"]);
        Assert.True((bool)app["spec"]!["dynamicAllocation"]!["enabled"]!);
        Assert.Equal(spark.MaxExecutors, (int)app["spec"]!["dynamicAllocation"]!["maxExecutors"]!);
        Assert.Equal("spark", (string?)app["spec"]!["driver"]!["serviceAccount"]);
        Assert.Equal("com.amazonaws.auth.WebIdentityTokenCredentialsProvider", (string?)app["spec"]!["sparkConf"]!["spark.hadoop.fs.s3a.aws.credentials.provider"]);
        var env = app["spec"]!["executor"]!["env"]!.AsArray();
        Assert.Equal($"s3a://{EngineResources.Token}/curated/events/", (string?)env.Single(e => (string?)e!["name"] == "TABLE_LOCATION")!["value"]);
        Assert.Contains("readStream.format('kafka')", (string)configMap["data"]!["kafka_to_lake.py"]!, StringComparison.Ordinal);
        // Applying the ConfigMap must not start a run: no SparkApplication is applied by the stack.
        Assert.Empty(synth.EngineResources.OfKind("SparkApplication"));
    }

    [Fact]
    public void Ingestion_GlueTable_ParquetUnderCuratedWithProjectedDays()
    {
        var table = Assert.Single(Synth.Env("dev").EngineResources.Resources, r => (string?)r.Value!["Type"] == "AWS::Glue::Table").Value!["Properties"]!;

        Assert.Equal("dqe_dev_lake", (string?)table["DatabaseName"]);
        var input = table["TableInput"]!;
        Assert.Equal("events", (string?)input["Name"]);
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", (string?)input["StorageDescriptor"]!["SerdeInfo"]!["SerializationLibrary"]);
        Assert.Equal("true", (string?)input["Parameters"]!["projection.enabled"]);
        Assert.Contains("/curated/events/", input["StorageDescriptor"]!["Location"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceAccount_Irsa_RawReadCuratedWriteAndCatalogWrite()
    {
        var statements = IamPolicies.StatementsOfRoleFor(Synth.Env("dev").EngineResources, "system:serviceaccount:spark:spark");

        var writes = IamPolicies.ResourcesOf(statements, "s3:PutObject").Where(r => r != EngineResources.Token).ToList();
        Assert.Equal([$"{EngineResources.Token}/curated/*"], writes);
        Assert.Contains($"{EngineResources.Token}/raw/*", IamPolicies.ResourcesOf(statements, "s3:GetObject"));
        Assert.NotEmpty(IamPolicies.ResourcesOf(statements, "glue:CreateTable"));
    }
}
