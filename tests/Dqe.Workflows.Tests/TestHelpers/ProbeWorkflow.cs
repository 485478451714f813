using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Tests.TestHelpers;

/// <summary>
/// A workflow with every shape the Dqe workflows use: Lambda tasks with retry, a poll loop on a Wait
/// state, a Map over items, an aws-sdk task, an optimized integration, and a catch-all to a rollback.
/// </summary>
internal sealed class ProbeWorkflow : IWorkflow
{
    public string Name => "probe";

    public string Description => "Test workflow covering the state shapes of the Dqe workflows";

    public StateMachineType Type => StateMachineType.STANDARD;

    public TimeSpan Timeout => TimeSpan.FromMinutes(30);

    public IReadOnlyList<string> Handlers { get; } = ["test.prepare", "test.poll", "test.item", "test.rollback"];

    public IChainable Define(Construct scope, WorkflowContext context)
    {
        var rollback = Steps.Invoke(scope, "Rollback", context, "test.rollback", resultPath: "$.rollback");
        var failed = new Fail(scope, "Failed", new FailProps { Error = "Dqe.WorkflowFailed", CausePath = "$.error.Cause" });
        var recovery = rollback.Next(failed);

        var prepare = Steps.CatchAll(Steps.Invoke(scope, "Prepare", context, "test.prepare"), recovery);
        var poll = Steps.CatchAll(Steps.Invoke(scope, "Poll", context, "test.poll", resultPath: "$.poll"), recovery);
        var wait = new Wait(scope, "WaitForReady", new WaitProps { Time = WaitTime.Duration(Duration.Seconds(30)) });
        var items = new Map(scope, "EachItem", new MapProps { ItemsPath = "$.items", MaxConcurrency = 2, ResultPath = "$.results" });
        items.ItemProcessor(Steps.Invoke(scope, "Item", context, "test.item"));
        Steps.CatchAll(items, recovery);
        var snapshot = Steps.CatchAll(new CallAwsService(scope, "Snapshot", new CallAwsServiceProps
        {
            Service = "ec2",
            Action = "createSnapshot",
            Parameters = new Dictionary<string, object> { ["VolumeId"] = JsonPath.StringAt("$.volume") },
            IamResources = ["*"],
            ResultPath = "$.snapshot",
        }), recovery);
        var notify = Steps.CatchAll(new SnsPublish(scope, "Notify", new SnsPublishProps
        {
            Topic = new Amazon.CDK.AWS.SNS.Topic(scope, "Topic"),
            Message = TaskInput.FromJsonPathAt("$.snapshot.SnapshotId"),
            ResultPath = "$.notified",
        }), recovery);

        var ready = new Choice(scope, "Ready?")
            .When(Condition.BooleanEquals("$.poll.done", true), items.Next(snapshot).Next(notify).Next(new Succeed(scope, "Done")))
            .Otherwise(wait.Next(poll));
        return prepare.Next(poll).Next(ready);
    }
}
