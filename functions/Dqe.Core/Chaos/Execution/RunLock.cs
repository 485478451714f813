using System.Security.Cryptography;
using System.Text;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Cluster;

namespace Dqe.Core.Chaos.Execution;

/// <summary>
/// One run per target at a time: a coordination.k8s.io Lease in the target namespace named after the target,
/// held by the run id, expiring on its own so a crashed run cannot block the target forever.
/// </summary>
internal sealed class RunLock
{
    private readonly IChaosCluster _cluster;

    public RunLock(IChaosCluster cluster) => _cluster = cluster;

    public static string LeaseName(ChaosCampaign campaign)
    {
        var target = campaign.Target.Namespace + "/" + ChaosManifestBuilder.ToLabelSelector(campaign.Target.Selector);
        return "dqe-chaos-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(target)))[..12];
    }

    /// <summary>Takes the lock, or throws <see cref="ChaosLockedException"/> naming the run holding it.</summary>
    public async Task AcquireAsync(ChaosCampaign campaign, string runId, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var ns = campaign.Target.Namespace;
        var name = LeaseName(campaign);
        var current = await _cluster.ReadLeaseAsync(ns, name, cancellationToken).ConfigureAwait(false);
        if (current is not null && current.Holder != runId && current.ExpiresAt > now)
        {
            throw new ChaosLockedException($"target {ns}/{campaign.Target.Selector.Count} label(s) is locked by run {current.Holder} until {ChaosTimestamps.Format(current.ExpiresAt)}");
        }

        var lease = new LeaseRecord(ns, name, runId, now, (int)Math.Ceiling(ttl.TotalSeconds), current?.ResourceVersion);
        if (!await _cluster.WriteLeaseAsync(lease, cancellationToken).ConfigureAwait(false))
        {
            throw new ChaosLockedException($"another run took the lock {ns}/{name} at the same moment");
        }
    }

    /// <summary>Releases the lock if this run holds it; a lock taken over by another run is left alone.</summary>
    public async Task ReleaseAsync(ChaosCampaign campaign, string runId, CancellationToken cancellationToken)
    {
        var current = await _cluster.ReadLeaseAsync(campaign.Target.Namespace, LeaseName(campaign), cancellationToken).ConfigureAwait(false);
        if (current?.Holder == runId)
        {
            await _cluster.DeleteLeaseAsync(current.Namespace, current.Name, cancellationToken).ConfigureAwait(false);
        }
    }
}
