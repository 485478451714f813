using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Recovery;

/// <summary>
/// The extras of a backup restored on their own (the region-restore drill runs the same states): the saved Glue
/// catalog into this environment's lake database and the saved KafkaTopics into its cluster. Input:
/// <c>{"backupId": "ch-full-..."}</c>, or <c>{}</c> for the newest usable backup of the replicated bucket.
/// </summary>
public sealed class RestoreExtrasWorkflow : IWorkflow
{
    public string Name => WorkflowNames.RestoreExtras;

    public string Description => "Restore a backup's Glue catalog and Kafka topic definitions";

    public StateMachineType Type => StateMachineType.STANDARD;

    public TimeSpan Timeout => TimeSpan.FromHours(2);

    public IReadOnlyList<string> Handlers { get; } = [RegionRestoreSteps.Handler];

    /// <summary>Manifests and extras from the replica bucket (granted where it exists), topics through Kubernetes.</summary>
    public HandlerNeeds NeedsOf(string handler) => handler == RegionRestoreSteps.Handler ? HandlerNeeds.Kubernetes | HandlerNeeds.Engines : HandlerNeeds.None;

    public IChainable Define(Construct scope, WorkflowContext context)
    {
        var failed = new Fail(scope, "RestoreExtrasFailed", new FailProps { Error = "Dqe.RestoreExtrasFailed", CausePath = "$.error.Cause" });
        var extras = RegionRestoreSteps.Extras(scope, context, failed, new Succeed(scope, "ExtrasRestored"));
        var named = Steps.CatchAll(ActionStep.Invoke(scope, context, RegionRestoreSteps.Handler, "FindNamedBackup", "find", "$.restore", ("backupId.$", "$.backupId")), failed);
        var newest = Steps.CatchAll(ActionStep.Invoke(scope, context, RegionRestoreSteps.Handler, "FindNewestBackup", "find", "$.restore"), failed);
        named.Next(extras);
        newest.Next(extras);
        return new Choice(scope, "BackupNamed?")
            .When(Condition.IsPresent("$.backupId"), named)
            .Otherwise(newest);
    }
}
