using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Cluster;

namespace Dqe.Core.Chaos.Execution;

/// <summary>
/// The chaos operations the handlers and the CLI call: plan (read-only), start (lock + inject), read
/// experiment status, roll back a run (by its label), sweep leftovers of crashed runs.
/// </summary>
public sealed class ChaosService
{
    private readonly IChaosCluster _cluster;
    private readonly TimeProvider _time;
    private readonly ChaosOptions _options;

    public ChaosService(IChaosCluster cluster, TimeProvider time, ChaosOptions options)
    {
        _cluster = cluster;
        _time = time;
        _options = options.Validated();
    }

    public Task<ChaosPlan> PlanAsync(ChaosCampaign campaign, string runId, CancellationToken cancellationToken) =>
        new ChaosPlanner(_cluster, _options).PlanAsync(campaign, runId, _time.GetUtcNow(), cancellationToken);

    /// <summary>Takes the target's lock, re-plans against the live cluster and applies the plan.</summary>
    public async Task<(ChaosPlan Plan, InjectionResult Result)> StartAsync(ChaosCampaign campaign, string runId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await new RunLock(_cluster).AcquireAsync(campaign, runId, now, ChaosRunClock.Lifetime(campaign) + _options.ExpiryMargin, cancellationToken).ConfigureAwait(false);
        var plan = await new ChaosPlanner(_cluster, _options).PlanAsync(campaign, runId, now, cancellationToken).ConfigureAwait(false);
        var result = await new ChaosInjector(_cluster).InjectAsync(plan, cancellationToken).ConfigureAwait(false);
        return (plan, result);
    }

    public Task<IReadOnlyList<ExperimentState>> ReadStatusAsync(string runId, IReadOnlyList<string> namespaces, CancellationToken cancellationToken) =>
        new ExperimentStatusReader(_cluster).ReadAsync(runId, namespaces, cancellationToken);

    /// <summary>Removes everything labelled with <paramref name="runId"/>; releases the lock once the cluster is clean.</summary>
    public async Task<RollbackResult> RollbackAsync(ChaosCampaign campaign, string runId, CancellationToken cancellationToken)
    {
        var namespaces = RunNamespaces(campaign);
        var result = await new ChaosRollback(_cluster, _options).RollbackRunAsync(runId, namespaces, cancellationToken).ConfigureAwait(false);
        if (result.Clean)
        {
            await new RunLock(_cluster).ReleaseAsync(campaign, runId, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Removes Dqe chaos objects and cordons whose expiry has passed: what a crashed run left behind.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var removal = await new ChaosRollback(_cluster, _options).RemoveAsync(
            _options.SweepNamespaces,
            ChaosLabels.ManagedSelector,
            obj => ChaosTimestamps.Parse(obj["metadata"]?["annotations"]?[ChaosLabels.ExpiresAt]?.GetValue<string>()) is not { } expires || expires <= now,
            node => node.ExpiresAt is not { } expires || expires <= now,
            cancellationToken).ConfigureAwait(false);
        return new SweepResult(removal, _options.SweepNamespaces);
    }

    /// <summary>Every namespace a run may have written to: the campaign's allowed namespaces.</summary>
    public static IReadOnlyList<string> RunNamespaces(ChaosCampaign campaign) =>
        [.. campaign.EffectiveBlastRadius.EffectiveNamespaces.Append(campaign.Target.Namespace).Distinct(StringComparer.Ordinal)];
}
