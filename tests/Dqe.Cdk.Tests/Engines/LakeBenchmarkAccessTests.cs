using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

/// <summary>
/// What the ClickHouse TPC-H lake path needs from the engines: Trino may write curated/tpch/ and register tables in the
/// lake's Glue database with CTAS to an external location; the ClickHouse servers may read it and sign s3() with IRSA.
/// </summary>
public sealed class LakeBenchmarkAccessTests
{
    [Fact]
    public void TrinoRole_WritesCuratedAndRegistersTablesInTheLakeDatabaseOnly()
    {
        var synth = Synth.Env("prod");
        var statements = IamPolicies.StatementsOfRoleFor(synth.EngineResources, "system:serviceaccount:trino:trino");

        var writes = IamPolicies.ResourcesOf(statements, "s3:PutObject").Where(r => r != EngineResources.Token).ToList();
        Assert.Contains($"{EngineResources.Token}/curated/*", writes);
        Assert.DoesNotContain($"{EngineResources.Token}/*", writes);
        var tables = IamPolicies.ResourcesOf(statements, "glue:CreateTable");
        Assert.Contains(tables, r => r.EndsWith($":table/{Dqe.Workflows.Backup.LakeCatalog.DatabaseName("prod")}/*", StringComparison.Ordinal));
        Assert.Empty(IamPolicies.ResourcesOf(statements, "glue:CreateDatabase"));
    }

    [Fact]
    public void TrinoHiveCatalog_AllowsCtasToAnExternalLocation()
    {
        var hive = (string)Synth.Env("prod").EngineResources.Values("trino")["catalogs"]!["hive"]!;

        // CREATE TABLE ... WITH (external_location = ...) AS SELECT is refused unless writes to non-managed tables are on.
        Assert.Contains("hive.non-managed-table-writes-enabled=true\n", hive, StringComparison.Ordinal);
    }

    [Fact]
    public void ClickHouseRole_ReadsCuratedTpchObjectsAndDecryptsButWritesOnlyBackups()
    {
        var statements = IamPolicies.StatementsOfRoleFor(Synth.Env("prod").EngineResources, "system:serviceaccount:clickhouse:clickhouse");

        Assert.Contains($"{EngineResources.Token}/curated/*", IamPolicies.ResourcesOf(statements, "s3:GetObject"));
        Assert.NotEmpty(IamPolicies.ResourcesOf(statements, "s3:List"));
        Assert.NotEmpty(IamPolicies.ResourcesOf(statements, "kms:Decrypt"));
        Assert.DoesNotContain(IamPolicies.ResourcesOf(statements, "s3:PutObject"), r => r.Contains("/curated/", StringComparison.Ordinal));
    }

    [Fact]
    public void ClickHouseInstallation_LakeEndpointSignsWithEnvironmentCredentials()
    {
        var settings = Synth.Env("prod").EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!["settings"]!;

        Assert.Equal($"https://{EngineResources.Token}.s3.{Synth.Env("prod").Config.Region}.amazonaws.com/curated/", EngineResources.Flatten(settings["s3/lake/endpoint"]!));
        Assert.True((bool)settings["s3/lake/use_environment_credentials"]!);
    }
}
