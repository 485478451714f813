namespace Dqe.Core.Chaos.Campaigns;

/// <summary>
/// One chaos campaign as written in a campaign file (see docs/chaos.md). Parsed by
/// <see cref="CampaignLoader"/>; every field is checked by <see cref="CampaignValidator"/> before anything
/// touches a cluster. Defaults are constructor defaults so source-generated JSON keeps them.
/// </summary>
public sealed record ChaosCampaign(
    string ApiVersion,
    string Kind,
    string Name,
    TargetSpec Target,
    string Duration,
    SteadyStateSpec SteadyState,
    IReadOnlyList<FaultSpec> Faults,
    string? Description = null,
    BlastRadiusSpec? BlastRadius = null,
    AbortSpec? Abort = null,
    string? Schedule = null,
    ReportSpec? Report = null)
{
    public const string CurrentApiVersion = "dqe.io/v1alpha1";
    public const string CampaignKind = "ChaosCampaign";

    /// <summary>The blast radius in force: the file's, or the documented defaults.</summary>
    public BlastRadiusSpec EffectiveBlastRadius => BlastRadius ?? new BlastRadiusSpec();
}
