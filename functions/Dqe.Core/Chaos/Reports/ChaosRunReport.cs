using Dqe.Core.Chaos.Handlers;
using Dqe.Core.Chaos.Probes;

namespace Dqe.Core.Chaos.Reports;

/// <summary>
/// The report of one chaos run (report.json): outcome, score and why it lost points, the fault window, every
/// probe poll and the timeline; <see cref="Benchmark"/> the per-query degradation when the campaign has <c>report.benchmark</c>. <see cref="AbortedAt"/> is the time of the abort when the run was aborted.
/// </summary>
public sealed record ChaosRunReport(
    string RunId,
    string Campaign,
    string Outcome,
    int? Score,
    IReadOnlyList<ScoreDeduction> Deductions,
    bool Clean,
    string RecoveryTimeout,
    IReadOnlyList<ProbePoll> Polls,
    IReadOnlyList<TimelineEntry> Timeline,
    DateTimeOffset ReportedAt,
    string? Description = null,
    DateTimeOffset? InjectedAt = null,
    DateTimeOffset? FaultsEndAt = null,
    DateTimeOffset? AbortedAt = null,
    bool? Recovered = null,
    DateTimeOffset? RecoveredAt = null,
    string? Error = null,
    IReadOnlyList<QueryDegradation>? Benchmark = null,
    double? MeanSlowdown = null);
