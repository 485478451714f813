using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Backup;

/// <summary>
/// The backup workflow's direct AWS calls (Step Functions SDK integrations): EBS snapshots of the engine volumes,
/// their expiry with the backups retention removed, and reading the lake's Glue catalog.
/// </summary>
internal static class BackupAwsSteps
{
    public const string RunIdTag = "dqe:run-id";
    public const string PurposeTag = "dqe:purpose";
    public const string Purpose = "backup";

    /// <summary>
    /// The volumes to snapshot: <c>$.volumeFilter</c> ({name: "tag:K", values: [V]}) resolved now, so new volumes
    /// count without a deploy, else the listed <c>$.volumeIds</c>, else none. Lands in <c>$.volumes.items</c>.
    /// </summary>
    public static Choice ResolveVolumes(Construct scope, IChainable recovery, IChainable next)
    {
        var byFilter = Steps.CatchAll(Describe(scope, "FindVolumes", "describeVolumes",
            new Dictionary<string, object>
            {
                ["Filters"] = new object[] { new Dictionary<string, object> { ["Name.$"] = "$.volumeFilter.name", ["Values.$"] = "$.volumeFilter.values" } },
            }, new Dictionary<string, object> { ["items.$"] = "$.Volumes" }, "$.volumes"), recovery);
        var byIds = Steps.CatchAll(Describe(scope, "DescribeVolumes", "describeVolumes",
            new Dictionary<string, object> { ["VolumeIds.$"] = "$.volumeIds" },
            new Dictionary<string, object> { ["items.$"] = "$.Volumes" }, "$.volumes"), recovery);
        var none = new Pass(scope, "NoVolumes", new PassProps { Result = Result.FromObject(new Dictionary<string, object> { ["items"] = Array.Empty<object>() }), ResultPath = "$.volumes" });
        byFilter.Next(next);
        byIds.Next(next);
        none.Next(next);
        return new Choice(scope, "VolumesNamed?")
            .When(Condition.IsPresent("$.volumeFilter"), byFilter)
            .When(Condition.IsPresent("$.volumeIds[0]"), byIds)
            .Otherwise(none);
    }

    /// <summary>One EBS snapshot per resolved volume, tagged with the backup id, each polled until completed.</summary>
    public static Map Snapshots(Construct scope, IChainable recovery)
    {
        var map = new Map(scope, "SnapshotVolumes", new MapProps
        {
            ItemsPath = "$.volumes.items",
            MaxConcurrency = 4,
            ItemSelector = new Dictionary<string, object> { ["volumeId.$"] = "$$.Map.Item.Value.VolumeId", ["backupId.$"] = "$.planned.plan.id" },
            ResultPath = "$.snapshots",
        });
        var create = new CallAwsService(scope, "CreateSnapshot", new CallAwsServiceProps
        {
            Service = "ec2",
            Action = "createSnapshot",
            Parameters = new Dictionary<string, object>
            {
                ["VolumeId.$"] = "$.volumeId",
                ["Description.$"] = "States.Format('dqe backup {}', $.backupId)",
                ["TagSpecifications"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["ResourceType"] = "snapshot",
                        ["Tags"] = new object[]
                        {
                            new Dictionary<string, object> { ["Key"] = RunIdTag, ["Value.$"] = "$.backupId" },
                            new Dictionary<string, object> { ["Key"] = PurposeTag, ["Value"] = Purpose },
                        },
                    },
                },
            },
            // ec2:CreateSnapshot authorizes on the volume and the new snapshot; volumes are named only at run time.
            IamResources = ["*"],
            ResultSelector = new Dictionary<string, object> { ["snapshotId.$"] = "$.SnapshotId" },
            ResultPath = "$.snapshot",
        });
        var describe = Describe(scope, "DescribeSnapshot", "describeSnapshots",
            new Dictionary<string, object> { ["SnapshotIds.$"] = "States.Array($.snapshot.snapshotId)" },
            new Dictionary<string, object> { ["state.$"] = "$.Snapshots[0].State" }, "$.status");
        var done = new Choice(scope, "SnapshotDone?")
            .When(Condition.StringEquals("$.status.state", "completed"), new Succeed(scope, "SnapshotCompleted"))
            .When(Condition.StringEquals("$.status.state", "error"), new Fail(scope, "SnapshotFailed", new FailProps { Error = "Dqe.SnapshotFailed", Cause = "EBS snapshot entered state error" }))
            .Otherwise(ActionStep.Wait(scope, "WaitSnapshot", 60).Next(describe));
        map.ItemProcessor(create.Next(describe).Next(done));
        return Steps.CatchAll(map, recovery);
    }

    /// <summary>
    /// Deletes the EBS snapshots of every backup retention removed (<c>$.retention.deleted</c>), found by their
    /// run-id tag. The delete permission holds only for snapshots tagged as Dqe backups.
    /// </summary>
    public static Map ExpireSnapshots(Construct scope, IChainable incomplete)
    {
        var expired = new Map(scope, "ExpireSnapshots", new MapProps
        {
            ItemsPath = "$.retention.deleted",
            MaxConcurrency = 2,
            ItemSelector = new Dictionary<string, object> { ["backupId.$"] = "$$.Map.Item.Value" },
            ResultPath = JsonPath.DISCARD,
        });
        var find = Describe(scope, "FindExpiredSnapshots", "describeSnapshots", new Dictionary<string, object>
        {
            ["OwnerIds"] = new[] { "self" },
            ["Filters"] = new object[]
            {
                new Dictionary<string, object> { ["Name"] = $"tag:{RunIdTag}", ["Values.$"] = "States.Array($.backupId)" },
                new Dictionary<string, object> { ["Name"] = $"tag:{PurposeTag}", ["Values"] = new[] { Purpose } },
            },
        }, new Dictionary<string, object> { ["snapshots.$"] = "$.Snapshots" }, "$.found");
        var each = new Map(scope, "DeleteExpiredSnapshots", new MapProps
        {
            ItemsPath = "$.found.snapshots",
            MaxConcurrency = 4,
            ItemSelector = new Dictionary<string, object> { ["snapshotId.$"] = "$$.Map.Item.Value.SnapshotId" },
            ResultPath = JsonPath.DISCARD,
        });
        var delete = new CallAwsService(scope, "DeleteSnapshot", new CallAwsServiceProps
        {
            Service = "ec2",
            Action = "deleteSnapshot",
            Parameters = new Dictionary<string, object> { ["SnapshotId.$"] = "$.snapshotId" },
            IamResources = [SnapshotArns(scope)],
            IamAction = "ec2:DeleteSnapshot",
            AdditionalIamStatements = [DenyUntaggedSnapshotDeletes(scope)],
            ResultPath = JsonPath.DISCARD,
        });
        delete.AddRetry(new RetryProps { Errors = ["Ec2.RequestLimitExceeded"], Interval = Duration.Seconds(2), BackoffRate = 2, MaxAttempts = 3 });
        each.ItemProcessor(delete);
        expired.ItemProcessor(find.Next(each));
        return Steps.CatchAll(expired, incomplete);
    }

    /// <summary>
    /// One page (<see cref="CatalogPageSize"/> tables) of the lake database's Glue catalog into <c>$.catalog.result</c>;
    /// <paramref name="continued"/> passes <c>$.catalog.next</c> as NextToken. Read-only on that one database.
    /// </summary>
    public static CallAwsService GetTables(Construct scope, string id, string database, bool continued)
    {
        var parameters = new Dictionary<string, object> { ["DatabaseName"] = database, ["MaxResults"] = CatalogPageSize };
        if (continued)
        {
            parameters["NextToken.$"] = "$.catalog.next";
        }

        var stack = Stack.Of(scope);
        string Arn(string resource) => stack.FormatArn(new ArnComponents { Service = "glue", Resource = resource });
        return new CallAwsService(scope, id, new CallAwsServiceProps
        {
            Service = "glue",
            Action = "getTables",
            // Spelled as IAM documents it (CDK would derive "glue:getTables", which IAM also accepts).
            IamAction = "glue:GetTables",
            Parameters = parameters,
            IamResources = [Arn("catalog"), Arn($"database/{database}"), Arn($"table/{database}/*")],
            ResultPath = "$.catalog.result",
        });
    }

    /// <summary>Tables per catalog page: small enough that a page (columns, parameters) stays far below the 256 KB state limit.</summary>
    public const int CatalogPageSize = 25;

    /// <summary>
    /// CallAwsService always allows its action on its resources, so the tag scope is an explicit Deny beside it:
    /// the role cannot delete a snapshot unless it is tagged as a Dqe backup.
    /// </summary>
    private static PolicyStatement DenyUntaggedSnapshotDeletes(Construct scope) => new(new PolicyStatementProps
    {
        Effect = Effect.DENY,
        Actions = ["ec2:DeleteSnapshot"],
        Resources = [SnapshotArns(scope)],
        Conditions = new Dictionary<string, object>
        {
            ["StringNotEquals"] = new Dictionary<string, object> { [$"aws:ResourceTag/{PurposeTag}"] = Purpose },
        },
    });

    private static string SnapshotArns(Construct scope) =>
        Stack.Of(scope).FormatArn(new ArnComponents { Service = "ec2", Account = "", Resource = "snapshot", ResourceName = "*", ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });

    /// <summary>ec2 Describe* calls authorize on no resource: "*" is the only resource they accept.</summary>
    private static CallAwsService Describe(Construct scope, string id, string action, Dictionary<string, object> parameters, Dictionary<string, object> selector, string resultPath) =>
        new(scope, id, new CallAwsServiceProps
        {
            Service = "ec2",
            Action = action,
            Parameters = parameters,
            IamResources = ["*"],
            ResultSelector = selector,
            ResultPath = resultPath,
        });
}
