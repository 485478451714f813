using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Platform;

/// <summary>backup.replicateTo.account / backup.replicaSource: replication into a dr environment of another account.</summary>
public sealed class CrossAccountReplicationTests
{
    private const string SourceRole = ":iam::111111111111:role/dqe-prod-backups-replication";

    private static readonly Lazy<SynthesizedEnv> Prod = new(() => Synth.Fresh("prod", c => Backup(c, "prod")["replicateTo"] =
        new JsonObject { ["env"] = "dr", ["region"] = "eu-central-1", ["account"] = "222222222222" }));

    private static readonly Lazy<SynthesizedEnv> Dr = new(() => Synth.Fresh("dr", c => Backup(c, "dr")["replicaSource"] =
        new JsonObject { ["env"] = "prod", ["region"] = "eu-west-1", ["account"] = "111111111111" }));

    [Fact]
    public void Source_OtherAccount_RuleNamesTheAccountHandsOwnershipOverAndUsesTheirBucketAndKey()
    {
        var rule = Rule(Prod.Value);
        var destination = rule["Destination"]!;

        Assert.Equal("222222222222", (string?)destination["Account"]);
        Assert.Equal("Destination", (string?)destination["AccessControlTranslation"]!["Owner"]);
        Assert.Contains(":s3:::dqe-dr-backups-replica-222222222222", destination["Bucket"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(":kms:eu-central-1:222222222222:alias/dqe-dr-data", destination["EncryptionConfiguration"]!["ReplicaKmsKeyID"]!.ToJsonString(), StringComparison.Ordinal);
        var role = Assert.Single(TemplateJson.ResourceObjects(Prod.Value.Platform, "AWS::IAM::Role"), r => (string?)r["Properties"]!["RoleName"] == "dqe-prod-backups-replication");
        Assert.NotNull(role);
        var replicate = Assert.Single(TemplateJson.PolicyStatements(Prod.Value.Platform), s => TemplateJson.Strings(s.Statement["Action"]).Contains("s3:ReplicateObject")).Statement;
        Assert.Contains("s3:ObjectOwnerOverrideToBucketOwner", TemplateJson.Strings(replicate["Action"]));
    }

    [Fact]
    public void Source_SameAccount_NoAccountNoOwnershipTranslationButTheFixedRoleName()
    {
        var destination = Rule(Synth.Env("prod"))["Destination"]!;

        Assert.Null(destination["Account"]);
        Assert.Null(destination["AccessControlTranslation"]);
        Assert.Contains(TemplateJson.ResourceObjects(Synth.Env("prod").Platform, "AWS::IAM::Role"), r => (string?)r["Properties"]!["RoleName"] == "dqe-prod-backups-replication");
        var replicate = Assert.Single(TemplateJson.PolicyStatements(Synth.Env("prod").Platform), s => TemplateJson.Strings(s.Statement["Action"]).Contains("s3:ReplicateObject")).Statement;
        Assert.DoesNotContain("s3:ObjectOwnerOverrideToBucketOwner", TemplateJson.Strings(replicate["Action"]));
    }

    [Fact]
    public void Target_ReplicaSource_BucketAndKeyPoliciesAdmitExactlyTheSourceRole()
    {
        var policy = Assert.Single(TemplateJson.ResourceObjects(Dr.Value.Platform, "AWS::S3::BucketPolicy"),
            p => p["Properties"]!.ToJsonString().Contains("dqe-prod-backups-replication", StringComparison.Ordinal));
        var admitted = policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().OfType<JsonObject>()
            .Where(s => s["Principal"]?["AWS"]?.ToJsonString().Contains("backups-replication", StringComparison.Ordinal) == true).ToList();

        Assert.Equal(2, admitted.Count);
        Assert.All(admitted, s => Assert.Contains(SourceRole, s["Principal"]!["AWS"]!.ToJsonString(), StringComparison.Ordinal));
        Assert.All(admitted, s => Assert.Equal("Allow", (string?)s["Effect"]));
        Assert.Equal(["s3:ObjectOwnerOverrideToBucketOwner", "s3:ReplicateDelete", "s3:ReplicateObject", "s3:ReplicateTags"], admitted.SelectMany(s => TemplateJson.Strings(s["Action"])).Where(a => a != "s3:GetBucketVersioning").Order());
        Assert.Contains(admitted, s => TemplateJson.Strings(s["Action"]).SequenceEqual(["s3:GetBucketVersioning"]));
        var key = Assert.Single(TemplateJson.ResourceObjects(Dr.Value.Platform, "AWS::KMS::Key"), k => k["Properties"]!.ToJsonString().Contains("dqe-dr-data", StringComparison.Ordinal) || k["Properties"]!.ToJsonString().Contains("dqe-prod-backups-replication", StringComparison.Ordinal));
        var grant = Assert.Single(key["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray().OfType<JsonObject>(), s => s["Principal"]!.ToJsonString().Contains("dqe-prod-backups-replication", StringComparison.Ordinal));
        Assert.Equal(["kms:Encrypt", "kms:GenerateDataKey"], TemplateJson.Strings(grant["Action"]).Order());
        Assert.Equal("s3.eu-central-1.amazonaws.com", (string?)grant["Condition"]!["StringEquals"]!["kms:ViaService"]);
        Assert.DoesNotContain("dqe-prod-backups-replication", TemplateJson.Of(Synth.Env("dr").Platform).ToJsonString(), StringComparison.Ordinal);
    }

    private static JsonNode Rule(SynthesizedEnv env) =>
        Assert.Single(TemplateJson.ResourceObjects(env.Platform, "AWS::S3::Bucket"), b => b["Properties"]!["ReplicationConfiguration"] is not null)
            ["Properties"]!["ReplicationConfiguration"]!["Rules"]![0]!;

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
