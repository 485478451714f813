namespace Dqe.Core.Chaos.Campaigns;

/// <summary>One problem in a campaign file: the JSON path of the bad field (<c>$.faults[1].duration</c>) and why.</summary>
public sealed record CampaignError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
