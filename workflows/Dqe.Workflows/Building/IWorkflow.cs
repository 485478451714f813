using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace Dqe.Workflows.Building;

/// <summary>
/// One Dqe state machine: its name, the handlers its Task states call, and its definition. The CDK app
/// deploys it; the local runner executes the same synthesized definition.
/// </summary>
public interface IWorkflow
{
    /// <summary>Short stable name (see <see cref="WorkflowNames"/>); the state machine is named dqe-ENV-NAME.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Standard for long, exactly-once drills; Express only where runs are short and idempotent.</summary>
    StateMachineType Type { get; }

    /// <summary>Upper bound of one execution; every Dqe state machine has one.</summary>
    TimeSpan Timeout { get; }

    /// <summary>Handler names (as registered in the function host) whose functions the definition invokes.</summary>
    IReadOnlyList<string> Handlers { get; }

    /// <summary>What the function of <paramref name="handler"/> must reach once deployed; nothing unless a workflow says so.</summary>
    HandlerNeeds NeedsOf(string handler) => HandlerNeeds.None;

    /// <summary>Builds the state graph. <paramref name="context"/> gives the functions and shared step shapes.</summary>
    IChainable Define(Construct scope, WorkflowContext context);
}
