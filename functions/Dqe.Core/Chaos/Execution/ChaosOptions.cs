namespace Dqe.Core.Chaos.Execution;

/// <summary>
/// Run-time knobs of chaos execution, validated once. <see cref="ExpiryMargin"/>: how long after a run's
/// duration and recovery bound the sweeper treats its leftovers as abandoned (default 15 minutes).
/// <see cref="SweepNamespaces"/>: where the sweeper looks (default: the engines' namespaces).
/// </summary>
public sealed record ChaosOptions
{
    public TimeSpan ExpiryMargin { get; init; } = TimeSpan.FromMinutes(15);

    public IReadOnlyList<string> SweepNamespaces { get; init; } = Campaigns.ChaosLimits.EngineNamespaces;

    /// <summary>Rollback passes inside one call before reporting what is left (the workflow loops with a Wait).</summary>
    public int RollbackPasses { get; init; } = 3;

    public ChaosOptions Validated()
    {
        if (ExpiryMargin < TimeSpan.FromMinutes(1) || ExpiryMargin > TimeSpan.FromHours(6))
        {
            throw new ArgumentOutOfRangeException(nameof(ExpiryMargin), ExpiryMargin, "must be between 1 minute and 6 hours");
        }

        if (RollbackPasses is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(RollbackPasses), RollbackPasses, "must be between 1 and 10");
        }

        return SweepNamespaces.Count == 0 ? throw new ArgumentException("must name at least one namespace", nameof(SweepNamespaces)) : this;
    }
}
