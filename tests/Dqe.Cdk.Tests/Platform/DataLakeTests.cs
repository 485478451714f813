using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Platform;

public sealed class DataLakeTests
{
    private static List<JsonObject> Buckets(string env) =>
        [.. TemplateJson.Resources(Synth.Env(env).Platform, "AWS::S3::Bucket").Select(b => b.Resource)];

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Buckets_Always_BlockPublicAccessAndEncrypt(string env)
    {
        var buckets = Buckets(env);

        Assert.Equal(4, buckets.Count);
        foreach (var bucket in buckets)
        {
            var block = bucket["Properties"]!["PublicAccessBlockConfiguration"]!;
            Assert.All(new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" },
                key => Assert.True(block[key]!.GetValue<bool>(), key));
            Assert.NotNull(bucket["Properties"]!["BucketEncryption"]);
        }

        var algorithms = buckets
            .Select(b => b["Properties"]!["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!.GetValue<string>())
            .ToList();
        // Lake, backups and reports use the customer key; S3 delivers access logs only to SSE-S3 buckets.
        Assert.Equal(3, algorithms.Count(a => a == "aws:kms"));
        Assert.Equal(1, algorithms.Count(a => a == "AES256"));
    }

    [Fact]
    public void BucketPolicies_Always_DenyRequestsWithoutTls()
    {
        var policies = TemplateJson.Resources(Synth.Env("prod").Platform, "AWS::S3::BucketPolicy").ToList();

        Assert.Equal(4, policies.Count);
        Assert.All(policies, p =>
        {
            var statements = p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
            Assert.Contains(statements, s => s!["Effect"]!.GetValue<string>() == "Deny"
                && s["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false");
        });
    }

    [Fact]
    public void DataBuckets_Always_VersionedAndLogToAccessLogsBucket()
    {
        var dataBuckets = Buckets("prod").Where(b => b["Properties"]!["LoggingConfiguration"] is not null).ToList();

        Assert.Equal(3, dataBuckets.Count);
        Assert.All(dataBuckets, b => Assert.Equal("Enabled", b["Properties"]!["VersioningConfiguration"]!["Status"]!.GetValue<string>()));
        var prefixes = dataBuckets.Select(b => b["Properties"]!["LoggingConfiguration"]!["LogFilePrefix"]!.GetValue<string>()).Order();
        Assert.Equal(["backups/", "lake/", "reports/"], prefixes);
    }

    [Fact]
    public void Lake_Lifecycle_TiersRawAndCuratedAndExpiresNoncurrentVersions()
    {
        var config = Synth.Env("prod").Config.Lake;

        Synth.Env("prod").Platform.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith(
                [
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Id"] = "raw-tiering",
                        ["Prefix"] = "raw/",
                        ["Transitions"] = new[]
                        {
                            new Dictionary<string, object> { ["StorageClass"] = "INTELLIGENT_TIERING", ["TransitionInDays"] = config.IntelligentTieringAfterDays },
                            new Dictionary<string, object> { ["StorageClass"] = "GLACIER", ["TransitionInDays"] = config.RawGlacierAfterDays },
                        },
                    }),
                    Match.ObjectLike(new Dictionary<string, object> { ["Id"] = "curated-tiering", ["Prefix"] = "curated/" }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Id"] = "housekeeping",
                        ["NoncurrentVersionExpiration"] = new Dictionary<string, object> { ["NoncurrentDays"] = config.NoncurrentVersionExpiryDays },
                    }),
                ]),
            },
        }));
    }

    [Theory]
    [InlineData("dev", 365, 7)]
    [InlineData("prod", 730, 90)]
    public void Backups_Lifecycle_MovesToGlacierInstantThenExpires(string env, int expireDays, int noncurrentDays)
    {
        Synth.Env(env).Platform.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith(
                [
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Id"] = "backups-retention",
                        ["ExpirationInDays"] = expireDays,
                        ["Transitions"] = new[] { new Dictionary<string, object> { ["StorageClass"] = "GLACIER_IR", ["TransitionInDays"] = 30 } },
                    }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["NoncurrentVersionExpiration"] = new Dictionary<string, object> { ["NoncurrentDays"] = noncurrentDays },
                    }),
                ]),
            },
        }));
    }

    [Theory]
    [InlineData("dev", "Delete")]
    [InlineData("prod", "Retain")]
    public void Buckets_PerEnvironment_AreRetainedUnlessEphemeral(string env, string policy)
    {
        var resources = TemplateJson.Resources(Synth.Env(env).Platform, "AWS::S3::Bucket").ToList();

        Assert.All(resources, b => Assert.Equal(policy, b.Resource["DeletionPolicy"]!.GetValue<string>()));
    }

    [Fact]
    public void Catalog_Always_IsAGlueDatabaseOverTheCuratedPrefix()
    {
        Synth.Env("prod").Platform.HasResourceProperties("AWS::Glue::Database", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DatabaseInput"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Name"] = "dqe_prod_lake",
                ["LocationUri"] = Match.AnyValue(),
            }),
        }));
    }
}
