using Dqe.Workflows.Local;

namespace Dqe.Workflows.Tests;

public sealed class TransitionBudgetsTests
{
    public static TheoryData<string> CatalogWorkflows() => [.. WorkflowCatalog.All.Select(w => w.Name)];

    [Theory]
    [MemberData(nameof(CatalogWorkflows))]
    public void ByWorkflow_CatalogWorkflow_HasABudgetWithRoomForFailure(string workflow)
    {
        var budget = TransitionBudgets.Find(workflow);

        Assert.True(budget is not null, $"workflow '{workflow}' has no transition budget: add one line to TransitionBudgets.ByWorkflow");
        Assert.InRange(budget.HappyPath, 1, 1000);
        Assert.InRange(budget.WorstFailurePath, 1, 1000);
    }

    [Fact]
    public void ByWorkflow_EveryBudget_BelongsToACatalogWorkflow()
    {
        Assert.Empty(TransitionBudgets.ByWorkflow.Keys.Except(WorkflowCatalog.All.Select(w => w.Name)));
    }

    [Fact]
    public void Within_UnknownWorkflow_ThrowsNamingWhereToAddIt()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => TransitionBudgets.Within("nope", Run("SUCCEEDED", entered: 1), out _));

        Assert.Contains("add one line to TransitionBudgets.ByWorkflow", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SUCCEEDED", 10, 0, null)]
    [InlineData("SUCCEEDED", 12, 0, "demo happy path took 12 transitions, 2 over its budget of 10")]
    [InlineData("FAILED", 14, 0, null)]
    [InlineData("FAILED", 15, 0, "demo failure path took 15 transitions, 1 over its budget of 14")]
    [InlineData("SUCCEEDED", 16, 3, null)]
    [InlineData("SUCCEEDED", 19, 3, "demo happy path took 19 transitions, 3 over its budget of 16 (10 + 2 x 3 Map items)")]
    public void Overrun_RunAgainstBudget_NullWithinElseSaysWhichPathAndByHowMuch(string status, int entered, int mapItems, string? expected)
    {
        var budget = new TransitionBudget(HappyPath: 10, WorstFailurePath: 14, PerMapItem: 2);

        var overrun = budget.Overrun("demo", Run(status, entered, mapItems));

        if (expected is null)
        {
            Assert.Null(overrun);
        }
        else
        {
            Assert.StartsWith(expected, overrun, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Transitions_RetriesAndMapIterations_BilledLikeStepFunctions()
    {
        var run = new WorkflowRunResult("SUCCEEDED", null, null, null,
        [
            Event("StateEntered", "Prepare"), Event("StateRetried", "Prepare"), Event("StateExited", "Prepare"),
            Event("StateEntered", "Each"), Event("MapIterationStarted", "Each"), Event("StateEntered", "Item"), Event("MapIterationStarted", "Each"),
            Event("StateEntered", "Item"), Event("StateExited", "Each"),
        ]);

        Assert.Equal(5, run.Transitions);
        Assert.Equal(2, run.MapIterations);
    }

    private static WorkflowRunResult Run(string status, int entered, int mapItems = 0) => new(status, null, null, null,
        [.. Enumerable.Range(0, entered).Select(i => Event("StateEntered", $"S{i}")), .. Enumerable.Range(0, mapItems).Select(_ => Event("MapIterationStarted", "Each"))]);

    private static WorkflowEvent Event(string type, string state) => new(type, state, "Task", 0, null, null, null);
}
