using Amazon.CDK;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Backup;

/// <summary>
/// Scheduled backup: plan (full weekly / incremental daily) → BACKUP ... ASYNC polled from a Wait loop → EBS
/// snapshots of the engine volumes (run-id tagged, polled) → restore verification polled the same way →
/// retention. Any failure, or a verification mismatch, marks the backup unusable, alerts, and fails.
/// Input: <c>{"kind": "auto|full|incremental", "volumeIds": ["vol-..."]}</c>.
/// </summary>
public sealed class BackupWorkflow : IWorkflow
{
    public const string Handler = "dqe.backup";

    public string Name => WorkflowNames.Backup;

    public string Description => "ClickHouse backup to S3 with restore verification, EBS snapshots and retention";

    public StateMachineType Type => StateMachineType.STANDARD;

    public TimeSpan Timeout => TimeSpan.FromHours(12);

    public IReadOnlyList<string> Handlers { get; } = [Handler];

    /// <summary>BACKUP/RESTORE and checksums run on ClickHouse; manifests live in the backups bucket.</summary>
    public HandlerNeeds NeedsOf(string handler) => handler == Handler ? HandlerNeeds.Engines | HandlerNeeds.Backups : HandlerNeeds.None;

    public IChainable Define(Construct scope, WorkflowContext context)
    {
        var alerts = new Topic(scope, "BackupAlerts", new TopicProps { DisplayName = "Dqe backup alerts" });
        var alert = new SnsPublish(scope, "Alert", new SnsPublishProps
        {
            Topic = alerts,
            Subject = "Dqe backup unusable",
            Message = TaskInput.FromJsonPathAt("$.error.Cause"),
            ResultPath = JsonPath.DISCARD,
        });
        var failed = new Fail(scope, "BackupFailed", new FailProps { Error = "Dqe.BackupUnusable", CausePath = "$.error.Cause" });
        var markFailed = Step(scope, context, "MarkUnusable", "mark-failed", "$.marked",
            ("backupId.$", "$.planned.plan.id"), ("error.$", "$.error.Cause"));
        markFailed.AddCatch(alert, new CatchProps { ResultPath = "$.markError" });
        var recovery = new Choice(scope, "HasBackup?")
            .When(Condition.IsPresent("$.planned.plan.id"), markFailed.Next(alert))
            .Otherwise(alert);
        alert.Next(failed);

        var plan = Steps.CatchAll(Step(scope, context, "Plan", "plan", "$.planned", ("kind.$", "$.kind")), recovery);
        var start = Steps.CatchAll(Step(scope, context, "StartBackup", "start", "$.backup", ("plan.$", "$.planned.plan")), recovery);
        var poll = Steps.CatchAll(Step(scope, context, "PollBackup", "poll", "$.backup", ("progress.$", "$.backup.progress")), recovery);
        var complete = Steps.CatchAll(Step(scope, context, "CompleteBackup", "complete", "$.completed", ("progress.$", "$.backup.progress")), recovery);
        var verifyStart = Steps.CatchAll(Step(scope, context, "StartVerify", "verify-start", "$.restore", ("backupId.$", "$.planned.plan.id")), recovery);
        var verifyPoll = Steps.CatchAll(Step(scope, context, "PollVerify", "poll", "$.restore", ("progress.$", "$.restore.progress")), recovery);
        var verifyFinish = Steps.CatchAll(Step(scope, context, "FinishVerify", "verify-finish", "$.verified",
            ("backupId.$", "$.planned.plan.id"), ("progress.$", "$.restore.progress")), recovery);
        var retention = Steps.CatchAll(Step(scope, context, "Retention", "retention", "$.retention"), recovery);
        var unverified = new Pass(scope, "VerificationFailed", new PassProps
        {
            Parameters = new Dictionary<string, object> { ["Error"] = "Dqe.VerificationFailed", ["Cause.$"] = "States.JsonToString($.verified.manifest.verification.problems)" },
            ResultPath = "$.error",
        });
        unverified.Next(recovery);

        var snapshots = Snapshots(scope, recovery);
        var verified = new Choice(scope, "Verified?")
            .When(Condition.BooleanEquals("$.verified.manifest.usable", true), retention.Next(new Succeed(scope, "Done")))
            .Otherwise(unverified);
        var restoring = new Choice(scope, "Restored?")
            .When(Condition.BooleanEquals("$.restore.running", true), Wait(scope, "WaitRestore", 30).Next(verifyPoll))
            .Otherwise(verifyFinish.Next(verified));
        var created = new Choice(scope, "Created?")
            .When(Condition.StringEquals("$.completed.manifest.state", "Succeeded"), snapshots.Next(verifyStart).Next(restoring))
            .Otherwise(new Pass(scope, "BackupNotCreated", new PassProps
            {
                Parameters = new Dictionary<string, object> { ["Error"] = "Dqe.BackupFailed", ["Cause.$"] = "$.completed.manifest.error" },
                ResultPath = "$.error",
            }).Next(recovery));
        verifyPoll.Next(restoring);
        var backingUp = new Choice(scope, "BackupDone?")
            .When(Condition.BooleanEquals("$.backup.running", true), Wait(scope, "WaitBackup", 60).Next(poll))
            .Otherwise(complete.Next(created));
        poll.Next(backingUp);
        return plan.Next(start).Next(backingUp);
    }

    /// <summary>One EBS snapshot per engine volume, tagged with the backup id, each polled until completed.</summary>
    private static Map Snapshots(Construct scope, IChainable recovery)
    {
        var map = new Map(scope, "SnapshotVolumes", new MapProps
        {
            ItemsPath = "$.volumeIds",
            MaxConcurrency = 4,
            ItemSelector = new Dictionary<string, object> { ["volumeId.$"] = "$$.Map.Item.Value", ["backupId.$"] = "$.planned.plan.id" },
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
                            new Dictionary<string, object> { ["Key"] = "dqe:run-id", ["Value.$"] = "$.backupId" },
                            new Dictionary<string, object> { ["Key"] = "dqe:purpose", ["Value"] = "backup" },
                        },
                    },
                },
            },
            IamResources = ["*"],
            ResultSelector = new Dictionary<string, object> { ["snapshotId.$"] = "$.SnapshotId" },
            ResultPath = "$.snapshot",
        });
        var describe = new CallAwsService(scope, "DescribeSnapshot", new CallAwsServiceProps
        {
            Service = "ec2",
            Action = "describeSnapshots",
            Parameters = new Dictionary<string, object> { ["SnapshotIds.$"] = "States.Array($.snapshot.snapshotId)" },
            IamResources = ["*"],
            ResultSelector = new Dictionary<string, object> { ["state.$"] = "$.Snapshots[0].State" },
            ResultPath = "$.status",
        });
        var done = new Choice(scope, "SnapshotDone?")
            .When(Condition.StringEquals("$.status.state", "completed"), new Succeed(scope, "SnapshotCompleted"))
            .When(Condition.StringEquals("$.status.state", "error"), new Fail(scope, "SnapshotFailed", new FailProps { Error = "Dqe.SnapshotFailed", Cause = "EBS snapshot entered state error" }))
            .Otherwise(Wait(scope, "WaitSnapshot", 60).Next(describe));
        map.ItemProcessor(create.Next(describe).Next(done));
        return Steps.CatchAll(map, recovery);
    }

    private static LambdaInvoke Step(Construct scope, WorkflowContext context, string id, string action, string resultPath, params (string Key, string Path)[] fields) =>
        ActionStep.Invoke(scope, context, Handler, id, action, resultPath, fields);

    private static Wait Wait(Construct scope, string id, int seconds) => ActionStep.Wait(scope, id, seconds);
}
