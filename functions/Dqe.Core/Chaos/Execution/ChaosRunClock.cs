using Dqe.Core.Chaos.Campaigns;

namespace Dqe.Core.Chaos.Execution;

/// <summary>Durations of a validated campaign as TimeSpans (validation guarantees they parse).</summary>
public static class ChaosRunClock
{
    public static TimeSpan Duration(ChaosCampaign campaign) => Parse(campaign.Duration);

    public static TimeSpan RecoveryTimeout(ChaosCampaign campaign) => Parse(campaign.SteadyState.RecoveryTimeout);

    public static TimeSpan PollInterval(ChaosCampaign campaign) => Parse(campaign.Abort?.PollInterval ?? "15s");

    /// <summary>The longest a healthy run can hold anything in the cluster: faults plus recovery.</summary>
    public static TimeSpan Lifetime(ChaosCampaign campaign) => Duration(campaign) + RecoveryTimeout(campaign);

    private static TimeSpan Parse(string text) =>
        GoDuration.TryParse(text, out var value) ? value : throw new CampaignException([new CampaignError("$", $"'{text}' is not a duration")]);
}
