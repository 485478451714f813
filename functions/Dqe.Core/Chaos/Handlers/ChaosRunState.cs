using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Probes;

namespace Dqe.Core.Chaos.Handlers;

/// <summary>
/// The chaos workflow's state: every handler takes it and returns it updated. <see cref="Error"/> is where
/// the state machine's Catch puts a failure. <see cref="Polls"/> holds every probe poll (before, during, after);
/// <see cref="Recovered"/> is set by the verify step once steady state is back (true) or
/// <see cref="RecoveryDeadline"/> passed without it (false). <see cref="Benchmarks"/> holds the
/// <c>report.benchmark</c> passes (medians only, so the state stays small). Defaults are constructor defaults (source-gen keeps them).
/// </summary>
public sealed record ChaosRunState(
    ChaosCampaign Campaign,
    string? RunId = null,
    DateTimeOffset? InjectedAt = null,
    DateTimeOffset? FaultsEndAt = null,
    int PollSeconds = 15,
    bool FaultsOver = false,
    bool Clean = false,
    int RollbackAttempts = 0,
    string? Outcome = null,
    int? Score = null,
    IReadOnlyList<TimelineEntry>? Timeline = null,
    StateError? Error = null,
    IReadOnlyList<ProbePoll>? Polls = null,
    DateTimeOffset? RecoveryDeadline = null,
    bool? Recovered = null,
    DateTimeOffset? RecoveredAt = null,
    string? ReportKey = null,
    IReadOnlyList<BenchmarkPass>? Benchmarks = null)
{
    public ChaosRunState Log(DateTimeOffset at, string kind, string detail) =>
        this with { Timeline = [.. Timeline ?? [], new TimelineEntry(at, kind, detail)] };

    public ChaosRunState Record(ProbePoll poll) => this with { Polls = [.. Polls ?? [], poll] };
}
