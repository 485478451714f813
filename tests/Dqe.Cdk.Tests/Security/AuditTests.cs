using Amazon.CDK.Assertions;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Security;

public sealed class AuditTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Trail_Always_MultiRegionValidatedEncryptedIntoAccessLogs(string env)
    {
        var template = Synth.Env(env).Platform;

        template.HasResourceProperties("AWS::CloudTrail::Trail", Match.ObjectLike(new Dictionary<string, object>
        {
            ["TrailName"] = $"dqe-{env}",
            ["IsMultiRegionTrail"] = true,
            ["EnableLogFileValidation"] = true,
            ["IncludeGlobalServiceEvents"] = true,
            ["KMSKeyId"] = Match.AnyValue(),
            ["S3KeyPrefix"] = "cloudtrail",
        }));
    }

    [Fact]
    public void Trail_DataEvents_CoverLakeAndBackupsReadsAndWrites()
    {
        var trail = Assert.Single(TemplateJson.Resources(Synth.Env("prod").Platform, "AWS::CloudTrail::Trail")).Resource;

        var selector = trail["Properties"]!["EventSelectors"]![0]!;
        Assert.Equal("All", selector["ReadWriteType"]!.GetValue<string>());
        var resources = selector["DataResources"]![0]!;
        Assert.Equal("AWS::S3::Object", resources["Type"]!.GetValue<string>());
        // One object ARN pattern per data bucket: the lake and the backups.
        var values = resources["Values"]!.AsArray();
        Assert.Equal(2, values.Count);
        Assert.Contains(values, v => v!.ToJsonString().Contains("Backups", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("prod", 1)]
    [InlineData("dev", 0)]
    public void ThreatDetection_WhereEnabled_GuardDutyWithEksProtectionAndMacieJob(string env, int count)
    {
        var template = Synth.Env(env).Platform;

        template.ResourceCountIs("AWS::GuardDuty::Detector", count);
        template.ResourceCountIs("AWS::Macie::Session", count);
        template.ResourceCountIs("Custom::AWS", count);
        if (count > 0)
        {
            var detector = Assert.Single(TemplateJson.Resources(template, "AWS::GuardDuty::Detector")).Resource.ToJsonString();
            Assert.Contains("EKS_AUDIT_LOGS", detector, StringComparison.Ordinal);
            Assert.Contains("EKS_RUNTIME_MONITORING", detector, StringComparison.Ordinal);
            var job = Assert.Single(TemplateJson.Resources(template, "Custom::AWS")).Resource.ToJsonString();
            Assert.Contains("createClassificationJob", job, StringComparison.Ordinal);
            Assert.Contains("raw/", job, StringComparison.Ordinal);
            template.ResourcePropertiesCountIs("AWS::Events::Rule", Match.ObjectLike(new Dictionary<string, object>
            {
                ["EventPattern"] = Match.ObjectLike(new Dictionary<string, object> { ["source"] = Match.ArrayWith([Match.StringLikeRegexp("aws\\.(guardduty|macie)")]) }),
            }), 2);
        }
    }

    [Fact]
    public void FindingsTopic_Always_EncryptedWithTheCustomerKey()
    {
        Synth.Env("prod").Platform.HasResourceProperties("AWS::SNS::Topic", Match.ObjectLike(new Dictionary<string, object>
        {
            ["KmsMasterKeyId"] = Match.AnyValue(),
        }));
    }

    [Fact]
    public void Config_BadMacieSchedule_NamesKeyAndAllowedValues()
    {
        var error = Assert.Throws<Dqe.Cdk.Config.ConfigException>(() => Synth.Config("prod", ctx => ctx["dqe:defaults"]!["security"]!["macieSchedule"] = "HOURLY"));

        Assert.Contains("security.macieSchedule = 'HOURLY' must be DAILY, WEEKLY or MONTHLY", error.Message, StringComparison.Ordinal);
    }
}
