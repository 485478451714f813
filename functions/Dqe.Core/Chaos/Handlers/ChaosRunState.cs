using Dqe.Core.Chaos.Campaigns;

namespace Dqe.Core.Chaos.Handlers;

/// <summary>
/// The chaos workflow's state: every handler takes it and returns it updated. <see cref="Error"/> is where
/// the state machine's Catch puts a failure. Defaults are constructor defaults (source-gen keeps them).
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
    StateError? Error = null)
{
    public ChaosRunState Log(DateTimeOffset at, string kind, string detail) =>
        this with { Timeline = [.. Timeline ?? [], new TimelineEntry(at, kind, detail)] };
}
