using Amazon.CDK;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Backup;

/// <summary>
/// Scheduled backup: plan (full weekly / incremental daily) → BACKUP ... ASYNC polled from a Wait loop → EBS
/// snapshots of the engine volumes (run-id tagged, polled) → restore verification polled the same way → the Glue
/// catalog (glue:GetTables pages) and Kafka topic definitions saved next to the manifest → retention → EBS snapshots
/// of the expired backups deleted. Any failure up to verification, or a verification mismatch, marks the backup
/// unusable, alerts, and fails (Dqe.BackupUnusable); a failure after it leaves the verified backup usable, alerts
/// and fails with Dqe.BackupIncomplete. Input: <c>{"kind": "auto|full|incremental", "volumeIds": ["vol-..."]}</c>
/// or <c>"volumeFilter": {"name": "tag:KEY", "values": ["VALUE"]}</c> instead of the ids.
/// </summary>
public sealed class BackupWorkflow : IWorkflow
{
    public const string Handler = "dqe.backup";

    public string Name => WorkflowNames.Backup;

    public string Description => "ClickHouse backup to S3 with restore verification, EBS snapshots and retention";

    public StateMachineType Type => StateMachineType.STANDARD;

    public TimeSpan Timeout => TimeSpan.FromHours(12);

    public IReadOnlyList<string> Handlers { get; } = [Handler];

    /// <summary>BACKUP/RESTORE and checksums run on ClickHouse; manifests live in the backups bucket; KafkaTopics are read from the cluster.</summary>
    public HandlerNeeds NeedsOf(string handler) => handler == Handler ? HandlerNeeds.Engines | HandlerNeeds.Backups | HandlerNeeds.Kubernetes : HandlerNeeds.None;

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

        var incompleteAlert = new SnsPublish(scope, "AlertIncomplete", new SnsPublishProps
        {
            Topic = alerts,
            Subject = "Dqe backup incomplete",
            Message = TaskInput.FromJsonPathAt("$.error.Cause"),
            ResultPath = JsonPath.DISCARD,
        });
        var incomplete = incompleteAlert.Next(new Fail(scope, "BackupIncomplete", new FailProps { Error = "Dqe.BackupIncomplete", CausePath = "$.error.Cause" }));
        var expire = BackupAwsSteps.ExpireSnapshots(scope, incomplete);
        var topics = Steps.CatchAll(Step(scope, context, "ExportTopics", "export-topics", "$.topics", ("backupId.$", "$.planned.plan.id")), incomplete);
        var catalog = Catalog(scope, context, incomplete, topics);
        var snapshots = BackupAwsSteps.Snapshots(scope, recovery);
        var verified = new Choice(scope, "Verified?")
            .When(Condition.BooleanEquals("$.verified.manifest.usable", true), catalog)
            .Otherwise(unverified);
        topics.Next(retention).Next(expire).Next(new Succeed(scope, "Done"));
        var restoring = new Choice(scope, "Restored?")
            .When(Condition.BooleanEquals("$.restore.running", true), Wait(scope, "WaitRestore", 30).Next(verifyPoll))
            .Otherwise(verifyFinish.Next(verified));
        var created = new Choice(scope, "Created?")
            .When(Condition.StringEquals("$.completed.manifest.state", "Succeeded"), BackupAwsSteps.ResolveVolumes(scope, recovery, snapshots.Next(verifyStart).Next(restoring)))
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

    /// <summary>glue:GetTables page by page (NextToken), each page saved by the handler next to the manifest.</summary>
    private static IChainable Catalog(Construct scope, WorkflowContext context, IChainable incomplete, IChainable next)
    {
        var database = LakeCatalog.DatabaseName(context.EnvName);
        var first = new Pass(scope, "StartCatalog", new PassProps { Result = Result.FromObject(new Dictionary<string, object> { ["page"] = 1 }), ResultPath = "$.catalog" });
        var getFirst = Steps.CatchAll(BackupAwsSteps.GetTables(scope, "GetTables", database, continued: false), incomplete);
        var getMore = Steps.CatchAll(BackupAwsSteps.GetTables(scope, "GetMoreTables", database, continued: true), incomplete);
        var save = Steps.CatchAll(Step(scope, context, "SaveCatalog", "save-catalog", "$.catalogSaved",
            ("backupId.$", "$.planned.plan.id"), ("page.$", "$.catalog.page"), ("tables.$", "$.catalog.result.TableList")), incomplete);
        var nextPage = new Pass(scope, "NextCatalogPage", new PassProps
        {
            Parameters = new Dictionary<string, object> { ["page.$"] = "States.MathAdd($.catalog.page, 1)", ["next.$"] = "$.catalog.result.NextToken" },
            ResultPath = "$.catalog",
        });
        getMore.Next(save);
        save.Next(new Choice(scope, "MoreTables?")
            .When(Condition.IsPresent("$.catalog.result.NextToken"), nextPage.Next(getMore))
            .Otherwise(next));
        return first.Next(getFirst).Next(save);
    }

    private static LambdaInvoke Step(Construct scope, WorkflowContext context, string id, string action, string resultPath, params (string Key, string Path)[] fields) =>
        ActionStep.Invoke(scope, context, Handler, id, action, resultPath, fields);

    private static Wait Wait(Construct scope, string id, int seconds) => ActionStep.Wait(scope, id, seconds);
}
