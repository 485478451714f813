namespace Dqe.Core.Chaos.Execution;

/// <summary>What the sweeper removed (leftovers of crashed runs past their expiry) and what it could not yet.</summary>
public sealed record SweepResult(RollbackResult Removal, IReadOnlyList<string> Namespaces);
