using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;
using Dqe.Core.Hosting;

namespace Dqe.Cdk.Tests.Automation;

public sealed class BackupWiringTests
{
    private static JsonObject Variables(string handler) =>
        TemplateJson.ResourceObjects(Synth.Env("dev").Automation, "AWS::Lambda::Function")
            .Select(r => r["Properties"]!.AsObject())
            .Single(p => p["Handler"]!.GetValue<string>() == handler)["Environment"]!["Variables"]!.AsObject();

    [Theory]
    [InlineData(FunctionVariables.BackupDatabases, "default,dqe_dr")]
    [InlineData(FunctionVariables.ClickHouseCluster, "dqe")]
    [InlineData(FunctionVariables.BackupKeepCount, "14")]
    [InlineData(FunctionVariables.BackupMaxAgeDays, "35")]
    [InlineData(FunctionVariables.BackupEngine, "native")]
    [InlineData(FunctionVariables.BackupPrefix, "clickhouse")]
    public void BackupFunction_Deployed_GetsItsSettingsFromTheBackupSection(string variable, string expected)
    {
        Assert.Equal(expected, Variables("dqe.backup")[variable]!.GetValue<string>());
    }

    [Fact]
    public void BackupFunction_Destination_IsTheBackupsBucketPrefixClickHouseMayWrite()
    {
        var destination = Variables("dqe.backup")[FunctionVariables.BackupDestination]!.ToJsonString();

        // https://<backups bucket>.s3.eu-west-1.amazonaws.com/clickhouse: the prefix of ClickHouse's IRSA write grant.
        Assert.Contains("\"https://\"", destination, StringComparison.Ordinal);
        Assert.Contains("LakeBackups", destination, StringComparison.Ordinal);
        Assert.EndsWith(".s3.eu-west-1.amazonaws.com/clickhouse\"]]}", destination, StringComparison.Ordinal);
        Assert.Contains(FunctionVariables.BackupsBucket, Variables("dqe.backup").Select(v => v.Key));
    }

    [Fact]
    public void DrillFunction_Deployed_ActsInClickHouseNamespaceAndDrainsTheLastZone()
    {
        var variables = Variables("dqe.dr-drill");

        Assert.Equal("clickhouse", variables[FunctionVariables.DrillNamespace]!.GetValue<string>());
        Assert.Equal("eu-west-1c", variables[FunctionVariables.DrillZone]!.GetValue<string>());
        Assert.DoesNotContain(FunctionVariables.BackupDatabases, variables.Select(v => v.Key));
    }

    [Fact]
    public void BackupMachineRole_DeleteSnapshot_AllowedOnlyForSnapshotsTaggedAsBackups()
    {
        var statements = TemplateJson.PolicyStatements(Synth.Env("dev").Automation)
            .Select(s => s.Statement)
            .Where(s => TemplateJson.Strings(s["Action"]).Contains("ec2:DeleteSnapshot"))
            .ToList();

        var allow = Assert.Single(statements, s => (string?)s["Effect"] == "Allow");
        Assert.Contains(":snapshot/*", allow["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        var deny = Assert.Single(statements, s => (string?)s["Effect"] == "Deny");
        Assert.Equal("backup", (string?)deny["Condition"]!["StringNotEquals"]!["aws:ResourceTag/dqe:purpose"]);
        Assert.Contains(":snapshot/*", deny["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BackupMachineRole_GetTables_OnlyOnTheLakeDatabase()
    {
        var statement = Assert.Single(TemplateJson.PolicyStatements(Synth.Env("dev").Automation),
            s => TemplateJson.Strings(s.Statement["Action"]).Contains("glue:GetTables")).Statement;

        var resources = statement["Resource"]!.ToJsonString();
        Assert.Contains("database/dqe_dev_lake", resources, StringComparison.Ordinal);
        Assert.Contains("table/dqe_dev_lake/*", resources, StringComparison.Ordinal);
        Assert.DoesNotContain("\"*\"", resources, StringComparison.Ordinal);
        Assert.Equal(["glue:GetTables"], TemplateJson.Strings(statement["Action"]));
    }
}
