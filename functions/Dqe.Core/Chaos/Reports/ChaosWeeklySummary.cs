namespace Dqe.Core.Chaos.Reports;

/// <summary>The week's chaos runs across campaigns: one line per run and the totals per campaign.</summary>
public sealed record ChaosWeeklySummary(
    DateTimeOffset WeekStart,
    DateTimeOffset WeekEnd,
    IReadOnlyList<ChaosWeeklyRun> Runs,
    IReadOnlyList<ChaosWeeklyCampaign> Campaigns,
    IReadOnlyList<string> Unreadable);
