using System.Diagnostics.CodeAnalysis;
using Dqe.Workflows.Local;

namespace Dqe.Workflows;

/// <summary>
/// One transition budget per workflow of <see cref="WorkflowCatalog"/>: ONE line each. Figures are the measured
/// reference runs of the workflow tests plus a small margin; docs/workflows.md lists both.
/// </summary>
public static class TransitionBudgets
{
    public static IReadOnlyDictionary<string, TransitionBudget> ByWorkflow { get; } = new Dictionary<string, TransitionBudget>(StringComparer.Ordinal)
    {
        [WorkflowNames.Chaos] = new(HappyPath: 16, WorstFailurePath: 17),
        [WorkflowNames.ChaosSweep] = new(HappyPath: 3, WorstFailurePath: 2),
        [WorkflowNames.ChaosWeekly] = new(HappyPath: 3, WorstFailurePath: 2),
        [WorkflowNames.Benchmark] = new(HappyPath: 10, WorstFailurePath: 10, PerMapItem: 1),
        [WorkflowNames.Backup] = new(HappyPath: 49, WorstFailurePath: 51),
        [WorkflowNames.DisasterRecovery] = new(HappyPath: 33, WorstFailurePath: 33, PerMapItem: 1),
        [WorkflowNames.Remediation] = new(HappyPath: 8, WorstFailurePath: 9),
        [WorkflowNames.RestoreExtras] = new(HappyPath: 9, WorstFailurePath: 9, PerMapItem: 1),
    };

    /// <summary>The budget of <paramref name="workflow"/>, or null for a workflow that has none (test-only machines).</summary>
    public static TransitionBudget? Find(string workflow) => ByWorkflow.GetValueOrDefault(workflow);

    /// <summary>
    /// True when <paramref name="run"/> is within its workflow's budget; otherwise <paramref name="overrun"/> says
    /// which path went over and by how much. A workflow with no budget is an error.
    /// </summary>
    public static bool Within(string workflow, WorkflowRunResult run, [NotNullWhen(false)] out string? overrun)
    {
        var budget = Find(workflow) ?? throw new KeyNotFoundException($"workflow '{workflow}' has no transition budget: add one line to TransitionBudgets.ByWorkflow");
        overrun = budget.Overrun(workflow, run);
        return overrun is null;
    }
}
