using Dqe.Workflows.Local;

namespace Dqe.Workflows;

/// <summary>
/// The most state transitions one execution of a workflow may take. Standard workflows are billed per
/// transition, so a change that makes a run longer must raise the budget on purpose (docs/workflows.md).
/// </summary>
/// <param name="HappyPath">A succeeded execution, Map iterations excluded.</param>
/// <param name="WorstFailurePath">The longest failed execution (failure injected into any Task state), Map iterations excluded.</param>
/// <param name="PerMapItem">What each Map iteration may add; a Map's size comes from its input (e.g. one per query).</param>
public sealed record TransitionBudget(int HappyPath, int WorstFailurePath, int PerMapItem = 0)
{
    /// <summary>Transitions allowed for this run: the budget of its outcome plus its Map iterations.</summary>
    public int Allowed(WorkflowRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return (run.Succeeded ? HappyPath : WorstFailurePath) + (PerMapItem * run.MapIterations);
    }

    /// <summary>Null within budget; otherwise one line saying which path went over and by how much.</summary>
    public string? Overrun(string workflow, WorkflowRunResult run)
    {
        var allowed = Allowed(run);
        var over = run.Transitions - allowed;
        return over <= 0
            ? null
            : $"{workflow} {(run.Succeeded ? "happy path" : "failure path")} took {run.Transitions} transitions, {over} over its budget of {allowed}"
              + (run.MapIterations > 0 ? $" ({(run.Succeeded ? HappyPath : WorstFailurePath)} + {PerMapItem} x {run.MapIterations} Map items)" : "")
              + ": shorten the path or raise the budget in TransitionBudgets.cs";
    }
}
