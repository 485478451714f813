using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Dqe.Cdk.Tests.TestHelpers;
using Dqe.Core.Hosting;

namespace Dqe.Cdk.Tests.Automation;

/// <summary>The region-restore function reads the replica bucket (and its key) in the dr environment only; ClickHouse there may read it for RESTORE.</summary>
public sealed class RegionRestoreAccessTests
{
    private const string Handler = "dqe.region-restore";

    [Fact]
    public void Dr_RestoreFunction_ReadsOnlyTheReplicaBucketWithItsSettings()
    {
        var dr = Synth.Env("dr").Automation;
        var variables = Function(dr)["Environment"]!["Variables"]!.AsObject();

        Assert.Contains("BackupsReplica", variables[FunctionVariables.RestoreBucket]!.ToJsonString(), StringComparison.Ordinal);
        Assert.EndsWith(".s3.eu-central-1.amazonaws.com/clickhouse\"]]}", variables[FunctionVariables.RestoreSource]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("clickhouse", variables[FunctionVariables.BackupPrefix]!.GetValue<string>());
        Assert.DoesNotContain(FunctionVariables.BackupsBucket, variables.Select(v => v.Key));
        var statements = StatementsOf(dr);
        var replica = statements.Where(s => s["Resource"]!.ToJsonString().Contains("BackupsReplica", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(replica);
        Assert.All(replica, s => Assert.All(TemplateJson.Strings(s["Action"]), a => Assert.True(a.StartsWith("s3:Get", StringComparison.Ordinal) || a.StartsWith("s3:List", StringComparison.Ordinal), a)));
        Assert.Contains(statements, s => TemplateJson.Strings(s["Action"]).Contains("kms:Decrypt"));
        Assert.DoesNotContain(statements, s => TemplateJson.Strings(s["Action"]).Any(a => a is "s3:PutObject" or "s3:DeleteObject*" or "s3:*" or "kms:Encrypt"));
    }

    [Fact]
    public void Prod_RestoreFunction_NoReplicaVariableAndNoBucketRead()
    {
        var prod = Synth.Env("prod").Automation;
        var variables = Function(prod)["Environment"]!["Variables"]!.AsObject();

        Assert.DoesNotContain(FunctionVariables.RestoreBucket, variables.Select(v => v.Key));
        Assert.DoesNotContain(StatementsOf(prod), s => TemplateJson.Strings(s["Action"]).Any(a => a.StartsWith("s3:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dr_ClickHouse_ReadsTheReplicaPrefixThroughItsOwnEndpointSection()
    {
        var engines = Synth.Env("dr").Engines;
        var read = TemplateJson.PolicyStatements(engines).Select(s => s.Statement)
            .Where(s => s["Resource"]!.ToJsonString().Contains("BackupsReplica", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(read);
        Assert.All(read, s => Assert.DoesNotContain(TemplateJson.Strings(s["Action"]), a => a.StartsWith("s3:Put", StringComparison.Ordinal) || a.StartsWith("s3:Delete", StringComparison.Ordinal)));
        Assert.Contains(read, s => s["Resource"]!.ToJsonString().Contains("/clickhouse/*", StringComparison.Ordinal));
        Assert.Contains("s3/backups_replica/endpoint", TemplateJson.Of(engines).ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("backups_replica", TemplateJson.Of(Synth.Env("prod").Engines).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DrillMachine_GlueWrites_OnlyCreateAndUpdateOnTheLakeDatabase()
    {
        var statements = TemplateJson.PolicyStatements(Synth.Env("dev").Automation).Select(s => s.Statement)
            .Where(s => TemplateJson.Strings(s["Action"]).Any(a => a is "glue:CreateTable" or "glue:UpdateTable" or "glue:DeleteTable")).ToList();

        Assert.NotEmpty(statements);
        Assert.DoesNotContain(statements, s => TemplateJson.Strings(s["Action"]).Contains("glue:DeleteTable"));
        Assert.All(statements, s => Assert.Contains("table/dqe_dev_lake/*", s["Resource"]!.ToJsonString(), StringComparison.Ordinal));
        Assert.All(statements, s => Assert.DoesNotContain("\"*\"", s["Resource"]!.ToJsonString(), StringComparison.Ordinal));
    }

    private static JsonObject Function(Template template) =>
        TemplateJson.ResourceObjects(template, "AWS::Lambda::Function").Select(r => r["Properties"]!.AsObject()).Single(p => p["Handler"]!.GetValue<string>() == Handler);

    /// <summary>Statements of the policies attached to the restore function's role.</summary>
    private static List<JsonObject> StatementsOf(Template template)
    {
        var role = Function(template)["Role"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        var policies = TemplateJson.Resources(template, "AWS::IAM::Policy")
            .Where(p => p.Resource["Properties"]!["Roles"]!.ToJsonString().Contains($"\"{role}\"", StringComparison.Ordinal))
            .Select(p => p.Id)
            .ToHashSet(StringComparer.Ordinal);
        return [.. TemplateJson.PolicyStatements(template).Where(s => policies.Contains(s.Id)).Select(s => s.Statement)];
    }
}
