namespace Dqe.Core.Chaos.Reports;

/// <summary>Input of <c>dqe.chaos.weekly</c>: the summary covers the 7 days ending at <see cref="WeekEnding"/> (default: now).</summary>
public sealed record ChaosWeeklyRequest(DateTimeOffset? WeekEnding = null);
