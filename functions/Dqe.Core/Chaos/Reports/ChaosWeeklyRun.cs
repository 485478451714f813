namespace Dqe.Core.Chaos.Reports;

/// <summary>One run in the weekly summary, with the key of its full report.</summary>
public sealed record ChaosWeeklyRun(string RunId, string Campaign, DateTimeOffset ReportedAt, string Outcome, int? Score, bool Aborted, bool? Recovered, bool Clean, string Key);
