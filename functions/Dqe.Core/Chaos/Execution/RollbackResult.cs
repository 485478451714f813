namespace Dqe.Core.Chaos.Execution;

/// <summary>One rollback: what it removed and what the cluster still holds for the run (verified by listing).</summary>
public sealed record RollbackResult(
    IReadOnlyList<string> Deleted,
    IReadOnlyList<string> Uncordoned,
    IReadOnlyList<string> RemainingObjects,
    IReadOnlyList<string> RemainingCordons,
    int Passes)
{
    public bool Clean => RemainingObjects.Count == 0 && RemainingCordons.Count == 0;
}
