using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class MinIoTests
{
    private static readonly Lazy<SynthesizedEnv> WithMinIo = new(() =>
        Synth.Fresh("dev", context =>
        {
            var dev = context["dqe:environments"]!["dev"]!;
            dev["lake"]!["store"] = "minio";
            // MinIO's servers need room on the analytics pool beside the engines.
            dev["nodeGroups"]!["analytics"]!["maxSize"] = 9.0;
            // The default nightly ClickHouse TPC-H run loads sf1 from the lake over AWS S3 URLs, which MinIO cannot
            // serve (a config error says so): on MinIO it uses the generated scale.
            dev["automation"] = new System.Text.Json.Nodes.JsonObject
            {
                ["benchmark"] = new System.Text.Json.Nodes.JsonObject { ["runs"] = new System.Text.Json.Nodes.JsonObject { ["clickhouse-tpch"] = new System.Text.Json.Nodes.JsonObject { ["scale"] = "gen_sf1" } } },
            };
        }));

    [Fact]
    public void Store_S3Default_NoMinIoDeployed()
    {
        var resources = Synth.Env("dev").EngineResources;

        Assert.DoesNotContain(resources.Charts, c => (string?)c["Chart"] == "minio");
        Assert.DoesNotContain(resources.OfKind("Namespace"), n => (string?)n["metadata"]!["name"] == "minio");
    }

    [Fact]
    public void Store_MinIo_DistributedChartAndEnginesPointedAtIt()
    {
        var synth = WithMinIo.Value;
        var resources = synth.EngineResources;

        var chart = resources.Chart("minio");
        Assert.Equal(synth.Config.Engines.MinIo.ChartVersion, (string?)chart["Version"]);
        var values = resources.Values("minio");
        Assert.Equal("distributed", (string?)values["mode"]);
        Assert.Equal(synth.Config.Engines.MinIo.Servers, (int)values["replicas"]!);
        var hive = (string)resources.Values("trino")["catalogs"]!["hive"]!;
        Assert.Contains("s3.endpoint=http://minio.minio.svc:9000\n", hive, StringComparison.Ordinal);
        Assert.Contains("s3.aws-access-key=${ENV:MINIO_ACCESS_KEY}\n", hive, StringComparison.Ordinal);
        var settings = resources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!["settings"]!;
        Assert.Equal("http://minio.minio.svc:9000/backups/clickhouse/", (string?)settings["storage_configuration/disks/backups/endpoint"]);
        _ = resources.Object("NetworkPolicy", "default-deny", "minio");
        _ = resources.Object("ExternalSecret", "minio-credentials", "trino");
    }

    [Fact]
    public void Secrets_MinIo_RootAndEngineKeysEncryptedWithTheEngineSecretsKey()
    {
        var synth = WithMinIo.Value;
        var keyId = EngineSecrets.KeyId(synth.Engines, "dev");
        var resources = TemplateJson.Of(synth.Engines)["Resources"]!;

        foreach (var name in new[] { "dqe/dev/minio-root", "dqe/dev/minio-engines" })
        {
            Assert.Equal($$"""{"Fn::GetAtt":["{{keyId}}","Arn"]}""", resources[EngineSecrets.IdOf(synth.Engines, name)]!["Properties"]!["KmsKeyId"]?.ToJsonString());
        }
    }
}
