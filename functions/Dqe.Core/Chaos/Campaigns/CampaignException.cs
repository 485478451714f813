namespace Dqe.Core.Chaos.Campaigns;

/// <summary>A campaign that must not run; <see cref="Errors"/> names every bad field.</summary>
public sealed class CampaignException : Exception
{
    public CampaignException()
        : this([])
    {
    }

    public CampaignException(string message)
        : this([new CampaignError("$", message)])
    {
    }

    public CampaignException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new CampaignError("$", message)];
    }

    public CampaignException(IReadOnlyList<CampaignError> errors)
        : base(errors.Count == 0 ? "invalid campaign" : "invalid campaign: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<CampaignError> Errors { get; }
}
