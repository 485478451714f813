using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Platform;

public sealed class BackupReplicationTests
{
    private static IEnumerable<JsonObject> Buckets(string env) =>
        TemplateJson.ResourceObjects(Synth.Env(env).Platform, "AWS::S3::Bucket").Select(b => b["Properties"]!.AsObject());

    [Fact]
    public void Prod_BackupsBucket_ReplicatesEverythingToTheDrReplicaWithTheDrKey()
    {
        var replicated = Assert.Single(Buckets("prod"), b => b["ReplicationConfiguration"] is not null);

        var rule = Assert.Single(replicated["ReplicationConfiguration"]!["Rules"]!.AsArray())!;
        Assert.Equal("Enabled", (string?)rule["Status"]);
        Assert.Equal("", (string?)rule["Filter"]!["Prefix"]);
        Assert.Equal("Disabled", (string?)rule["DeleteMarkerReplication"]!["Status"]);
        Assert.Equal("Enabled", (string?)rule["SourceSelectionCriteria"]!["SseKmsEncryptedObjects"]!["Status"]);
        var destination = rule["Destination"]!;
        Assert.Contains(":s3:::dqe-dr-backups-replica-", destination["Bucket"]!.ToJsonString(), StringComparison.Ordinal);
        var key = destination["EncryptionConfiguration"]!["ReplicaKmsKeyID"]!.ToJsonString();
        Assert.Contains(":kms:eu-central-1:", key, StringComparison.Ordinal);
        Assert.Contains(":alias/dqe-dr-data", key, StringComparison.Ordinal);
        Assert.Contains("backups/", replicated["LoggingConfiguration"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_ReplicationRole_ReadsTheSourceWritesOnlyReplicasIntoTheTarget()
    {
        var role = Assert.Single(TemplateJson.Resources(Synth.Env("prod").Platform, "AWS::IAM::Role"),
            r => r.Resource["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString().Contains("s3.amazonaws.com", StringComparison.Ordinal)).Id;
        var statements = TemplateJson.PolicyStatements(Synth.Env("prod").Platform)
            .Where(s => TemplateJson.Resources(Synth.Env("prod").Platform, "AWS::IAM::Policy")
                .Any(p => p.Id == s.Id && p.Resource["Properties"]!["Roles"]!.ToJsonString().Contains(role, StringComparison.Ordinal)))
            .Select(s => s.Statement)
            .ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.NotEqual("\"*\"", s["Resource"]!.ToJsonString()));
        var replicate = Assert.Single(statements, s => TemplateJson.Strings(s["Action"]).Contains("s3:ReplicateObject"));
        Assert.Contains("dqe-dr-backups-replica-", replicate["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TemplateJson.Strings(replicate["Action"]), a => a is "s3:PutObject" or "s3:*");
        var encrypt = Assert.Single(statements, s => TemplateJson.Strings(s["Action"]).Contains("kms:Encrypt"));
        Assert.Equal("alias/dqe-dr-data", (string?)encrypt["Condition"]!["ForAnyValue:StringEquals"]!["kms:ResourceAliases"]);
        Assert.Equal("s3.eu-central-1.amazonaws.com", (string?)encrypt["Condition"]!["StringEquals"]!["kms:ViaService"]);
        var decrypt = Assert.Single(statements, s => TemplateJson.Strings(s["Action"]).Contains("kms:Decrypt"));
        Assert.Equal("s3.eu-west-1.amazonaws.com", (string?)decrypt["Condition"]!["StringEquals"]!["kms:ViaService"]);
        Assert.Contains("LakeDataKey", decrypt["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_NoReplicationTarget_NoReplicationAndNoReplicaBucket()
    {
        Assert.DoesNotContain(Buckets("dev"), b => b["ReplicationConfiguration"] is not null);
        Assert.DoesNotContain(Buckets("dev"), b => b["BucketName"] is not null);
    }

    [Fact]
    public void Dr_ReceivesReplica_DeterministicallyNamedPrivateVersionedBucketWithItsOwnKey()
    {
        var replica = Assert.Single(Buckets("dr"), b => b["BucketName"] is not null);

        Assert.Contains("dqe-dr-backups-replica-", replica["BucketName"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Enabled", (string?)replica["VersioningConfiguration"]!["Status"]);
        Assert.Equal("aws:kms", (string?)replica["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]);
        Assert.Contains("LakeDataKey", replica["BucketEncryption"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.True((bool)replica["PublicAccessBlockConfiguration"]!["RestrictPublicBuckets"]!);
        Assert.DoesNotContain(Buckets("dr"), b => b["ReplicationConfiguration"] is not null);
    }
}
