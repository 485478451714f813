namespace Dqe.Core.Chaos.Handlers;

/// <summary>One reason a run's resilience score is below 100.</summary>
public sealed record ScoreDeduction(string Reason, int Points);
