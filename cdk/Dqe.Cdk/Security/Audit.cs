using Amazon.CDK;
using Amazon.CDK.AWS.CloudTrail;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.GuardDuty;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Macie;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.CDK.CustomResources;
using Constructs;

namespace Dqe.Cdk.Security;

/// <summary>
/// Who did what, and what is in the lake: a multi-region CloudTrail trail (file validation, KMS) with S3 data
/// events for the data buckets; GuardDuty with EKS protection; Macie classifying the lake's raw prefix on a
/// schedule. GuardDuty and Macie findings reach an encrypted SNS topic through EventBridge.
/// </summary>
public sealed class Audit : Construct
{
    public Audit(Construct scope, string id, AuditProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Trail = new Trail(this, "Trail", new TrailProps
        {
            TrailName = $"dqe-{props.EnvName}",
            Bucket = props.LogBucket,
            S3KeyPrefix = "cloudtrail",
            EncryptionKey = props.Key,
            IsMultiRegionTrail = true,
            IncludeGlobalServiceEvents = true,
            EnableFileValidation = true,
        });
        props.Key.GrantEncryptDecrypt(new ServicePrincipal("cloudtrail.amazonaws.com"));
        if (props.Config.TrailDataEvents)
        {
            Trail.AddS3EventSelector([.. props.DataBuckets.Select(b => new S3EventSelector { Bucket = b })],
                new AddEventSelectorOptions { ReadWriteType = ReadWriteType.ALL, IncludeManagementEvents = true });
        }

        FindingsTopic = new Topic(this, "Findings", new TopicProps
        {
            DisplayName = $"Dqe {props.EnvName} security findings",
            MasterKey = props.Key,
            EnforceSSL = true,
        });
        props.Key.GrantEncryptDecrypt(new ServicePrincipal("events.amazonaws.com"));
        if (props.Config.FindingsEmail.Length > 0)
        {
            FindingsTopic.AddSubscription(new EmailSubscription(props.Config.FindingsEmail));
        }

        if (props.Config.GuardDuty)
        {
            EnableGuardDuty();
        }

        if (props.Config.Macie)
        {
            EnableMacie(props);
        }
    }

    public Trail Trail { get; }

    public Topic FindingsTopic { get; }

    private void EnableGuardDuty()
    {
        _ = new CfnDetector(this, "GuardDuty", new CfnDetectorProps
        {
            Enable = true,
            FindingPublishingFrequency = "FIFTEEN_MINUTES",
            Features = new object[]
            {
                Feature("EKS_AUDIT_LOGS"),
                Feature("S3_DATA_EVENTS"),
                new CfnDetector.CFNFeatureConfigurationProperty
                {
                    Name = "EKS_RUNTIME_MONITORING",
                    Status = "ENABLED",
                    AdditionalConfiguration = new object[] { new CfnDetector.CFNFeatureAdditionalConfigurationProperty { Name = "EKS_ADDON_MANAGEMENT", Status = "ENABLED" } },
                },
            },
        });
        Route("GuardDutyFindings", "aws.guardduty", "GuardDuty Finding");
    }

    private void EnableMacie(AuditProps props)
    {
        var session = new CfnSession(this, "Macie", new CfnSessionProps { Status = "ENABLED", FindingPublishingFrequency = "FIFTEEN_MINUTES" });
        var stack = Stack.Of(this);
        // CloudFormation has no Macie classification job resource; the Macie2 API creates it once, and job
        // names are unique per account, so the env name keeps environments apart.
        var job = new AwsCustomResource(this, "ClassificationJob", new AwsCustomResourceProps
        {
            OnCreate = new AwsSdkCall
            {
                Service = "Macie2",
                Action = "createClassificationJob",
                Parameters = new Dictionary<string, object>
                {
                    ["name"] = $"dqe-{props.EnvName}-lake-raw",
                    ["jobType"] = "SCHEDULED",
                    ["scheduleFrequency"] = ScheduleFrequency(props.Config.MacieSchedule),
                    ["s3JobDefinition"] = new Dictionary<string, object>
                    {
                        ["bucketDefinitions"] = new[] { new Dictionary<string, object> { ["accountId"] = stack.Account, ["buckets"] = new[] { props.LakeBucket.BucketName } } },
                        ["scoping"] = new Dictionary<string, object>
                        {
                            ["includes"] = new Dictionary<string, object>
                            {
                                ["and"] = new[]
                                {
                                    new Dictionary<string, object>
                                    {
                                        ["simpleScopeTerm"] = new Dictionary<string, object>
                                        {
                                            ["comparator"] = "STARTS_WITH", ["key"] = "OBJECT_KEY", ["values"] = new[] { "raw/" },
                                        },
                                    },
                                },
                            },
                        },
                    },
                    ["clientToken"] = $"dqe-{props.EnvName}-lake-raw",
                },
                PhysicalResourceId = PhysicalResourceId.FromResponse("jobId"),
            },
            Policy = AwsCustomResourcePolicy.FromStatements(
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Actions = ["macie2:CreateClassificationJob", "macie2:TagResource"],
                    Resources = [stack.FormatArn(new ArnComponents { Service = "macie2", Resource = "classification-job", ResourceName = "*" })],
                }),
            ]),
            InstallLatestAwsSdk = false,
        });
        job.Node.AddDependency(session);
        Route("MacieFindings", "aws.macie", "Macie Finding");
    }

    private void Route(string id, string source, string detailType) => _ = new Rule(this, id, new RuleProps
    {
        Description = $"{detailType}s to the security findings topic",
        EventPattern = new EventPattern { Source = [source], DetailType = [detailType] },
        Targets = [new SnsTopic(FindingsTopic)],
    });

    private static CfnDetector.CFNFeatureConfigurationProperty Feature(string name) => new() { Name = name, Status = "ENABLED" };

    private static Dictionary<string, object> ScheduleFrequency(string schedule) => schedule switch
    {
        "DAILY" => new() { ["dailySchedule"] = new Dictionary<string, object>() },
        "WEEKLY" => new() { ["weeklySchedule"] = new Dictionary<string, object> { ["dayOfWeek"] = "SUNDAY" } },
        _ => new() { ["monthlySchedule"] = new Dictionary<string, object> { ["dayOfMonth"] = 1 } },
    };
}
