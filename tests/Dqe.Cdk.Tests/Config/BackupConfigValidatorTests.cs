using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Config;

public sealed class BackupConfigValidatorTests
{
    [Theory]
    [InlineData("dev", false, false)]
    [InlineData("staging", false, false)]
    [InlineData("prod", true, false)]
    [InlineData("dr", false, true)]
    public void Load_RealCdkJson_BackupValidWithReplicationOnlyFromProdToDr(string env, bool replicates, bool receives)
    {
        var backup = Synth.Config(env).Backup;

        Assert.Equal(["default", "dqe_dr"], backup.Databases);
        Assert.Equal("native", backup.Engine);
        Assert.Equal(replicates, backup.ReplicateTo is { Env: "dr", Region: "eu-central-1" });
        Assert.Equal(receives, backup.ReceivesReplica);
    }

    [Theory]
    [InlineData("keepCount", 0, "backup.keepCount = 0 must be 1-1000")]
    [InlineData("maxAgeDays", 365, "backup.maxAgeDays = 365 must be 1-364 (below lake.backupsExpireAfterDays)")]
    [InlineData("maxAgeDays", 0, "backup.maxAgeDays = 0 must be 1-364")]
    public void Load_OutOfRangeNumber_ClearErrorNamingKey(string key, int value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => Backup(c, "dev")[key] = (double)value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("engine", "clickhouse-backup", "backup.engine = 'clickhouse-backup' must be native or copy")]
    [InlineData("drillZone", "us-east-1a", "backup.drillZone = 'us-east-1a' is not one of network.availabilityZones")]
    [InlineData("volumeTag", "no-value", "backup.volumeTag = 'no-value' must be key=value")]
    public void Load_BadString_ClearErrorNamingKey(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => Backup(c, "dev")[key] = value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DatabaseNotAnIdentifier_ClearError()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => Backup(c, "dev")["databases"] = new JsonArray("default", "x; DROP")));

        Assert.Contains("backup.databases: 'x; DROP' is not a plain ClickHouse identifier", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dr", "eu-west-1", "backup.replicateTo.region = 'eu-west-1' must be an AWS region other than eu-west-1")]
    [InlineData("prod", "eu-central-1", "backup.replicateTo.env = 'prod' must name another environment")]
    [InlineData("", "eu-central-1", "backup.replicateTo.env = '' must name another environment")]
    public void Load_BadReplicationTarget_ClearError(string env, string region, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("prod", c => Backup(c, "prod")["replicateTo"] = new JsonObject { ["env"] = env, ["region"] = region }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("22222222222", "backup.replicateTo.account = '22222222222' must be a 12-digit AWS account id (or empty for this account)")]
    [InlineData("arn:aws:iam::222222222222:root", "backup.replicateTo.account = 'arn:aws:iam::222222222222:root' must be a 12-digit AWS account id")]
    public void Load_BadReplicationAccount_ClearError(string account, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("prod", c => Backup(c, "prod")["replicateTo"] =
            new JsonObject { ["env"] = "dr", ["region"] = "eu-central-1", ["account"] = account }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dr", "prod", "eu-west-1", "", "backup.replicaSource.account = '' must be a 12-digit AWS account id")]
    [InlineData("dr", "dr", "eu-west-1", "111111111111", "backup.replicaSource.env = 'dr' must name another environment")]
    [InlineData("dr", "prod", "eu-central-1", "111111111111", "backup.replicaSource.region = 'eu-central-1' must be an AWS region other than eu-central-1")]
    [InlineData("dev", "prod", "eu-central-1", "111111111111", "backup.replicaSource needs backup.receivesReplica = true")]
    public void Load_BadReplicaSource_ClearError(string env, string sourceEnv, string region, string account, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config(env, c => Backup(c, env)["replicaSource"] =
            new JsonObject { ["env"] = sourceEnv, ["region"] = region, ["account"] = account }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownBackupKey_RejectedNotIgnored()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => Backup(c, "dev")["keepcount"] = 3.0));

        Assert.Contains("backup", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Backup(JsonObject context, string env)
    {
        var environment = context["dqe:environments"]![env]!.AsObject();
        if (environment["backup"] is not JsonObject backup)
        {
            backup = [];
            environment["backup"] = backup;
        }

        return backup;
    }
}
