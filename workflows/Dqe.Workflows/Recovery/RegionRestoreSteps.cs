using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using Dqe.Workflows.Backup;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Recovery;

/// <summary>
/// The full-region restore's states, shared by the DR drill and the extras-only workflow: RESTORE polled from a Wait
/// loop, verification, then the extras — each saved Glue catalog page sent table by table to glue:CreateTable
/// (glue:UpdateTable when the table exists: never a delete), and the saved KafkaTopics re-applied by the handler.
/// The handler's response lands in <c>$.restore</c>; every Task routes its errors to the caller's recovery path.
/// </summary>
public static class RegionRestoreSteps
{
    public const string Handler = "dqe.region-restore";

    /// <summary>Seconds between restore polls.</summary>
    public const int PollSeconds = 30;

    /// <summary>Find (with <c>$.drill.runId</c>) → start → poll until done → verify → extras → <paramref name="next"/>.</summary>
    public static IChainable Restore(Construct scope, WorkflowContext context, IChainable recovery, IChainable next)
    {
        var find = Step(scope, context, recovery, "FindBackup", "find", ("runId.$", "$.drill.runId"));
        var start = Step(scope, context, recovery, "StartRestore", "start", ("state.$", "$.restore.state"));
        var poll = Step(scope, context, recovery, "PollRestore", "poll", ("state.$", "$.restore.state"));
        var verify = Step(scope, context, recovery, "VerifyRestore", "verify", ("state.$", "$.restore.state"));
        var restoring = new Choice(scope, "RestoreDone?")
            .When(Condition.BooleanEquals("$.restore.running", true), ActionStep.Wait(scope, "WaitRestore", PollSeconds).Next(poll))
            .Otherwise(verify.Next(Extras(scope, context, recovery, next)));
        poll.Next(restoring);
        return find.Next(start).Next(restoring);
    }

    /// <summary>Catalog pages (from <c>$.restore.state</c>) into the environment's lake database, then topics, then <paramref name="next"/>.</summary>
    public static IChainable Extras(Construct scope, WorkflowContext context, IChainable recovery, IChainable next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var database = LakeCatalog.DatabaseName(context.EnvName);
        var page = Step(scope, context, recovery, "LoadCatalogPage", "catalog-page", ("state.$", "$.restore.state"));
        var topics = Step(scope, context, recovery, "RestoreTopics", "topics", ("state.$", "$.restore.state"));
        var tables = new Map(scope, "RestoreTables", new MapProps
        {
            ItemsPath = "$.restore.tables",
            MaxConcurrency = 4,
            ItemSelector = new Dictionary<string, object> { ["table.$"] = "$$.Map.Item.Value" },
            ResultPath = JsonPath.DISCARD,
        });
        var create = Glue(scope, "CreateTable", "createTable", database);
        // A table that exists is updated to the saved definition, never dropped and recreated.
        create.AddCatch(Glue(scope, "UpdateTable", "updateTable", database), new CatchProps { Errors = ["Glue.AlreadyExistsException"], ResultPath = "$.exists" });
        tables.ItemProcessor(create);
        page.Next(Steps.CatchAll(tables, recovery)).Next(new Choice(scope, "MoreCatalogPages?")
            .When(Condition.BooleanEquals("$.restore.more", true), page)
            .Otherwise(topics.Next(next)));
        return page;
    }

    private static CallAwsService Glue(Construct scope, string id, string action, string database)
    {
        var stack = Stack.Of(scope);
        string Arn(string resource) => stack.FormatArn(new ArnComponents { Service = "glue", Resource = resource });
        return new CallAwsService(scope, id, new CallAwsServiceProps
        {
            Service = "glue",
            Action = action,
            IamAction = "glue:" + char.ToUpperInvariant(action[0]) + action[1..],
            Parameters = new Dictionary<string, object> { ["DatabaseName"] = database, ["TableInput.$"] = "$.table" },
            IamResources = [Arn("catalog"), Arn($"database/{database}"), Arn($"table/{database}/*")],
            ResultPath = JsonPath.DISCARD,
        });
    }

    private static LambdaInvoke Step(Construct scope, WorkflowContext context, IChainable recovery, string id, string action, params (string Key, string Path)[] fields) =>
        Steps.CatchAll(ActionStep.Invoke(scope, context, Handler, id, action, "$.restore", fields), recovery);
}
