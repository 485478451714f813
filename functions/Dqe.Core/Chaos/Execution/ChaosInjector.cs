using Dqe.Core.Chaos.Cluster;

namespace Dqe.Core.Chaos.Execution;

/// <summary>
/// Applies a plan: cordons before evicting (so evicted pods cannot land back on the node), then creates the
/// Chaos Mesh objects. Every change carries the run label first, so a failure half-way leaves only things
/// rollback finds. An already-cordoned node is skipped: its cordon belongs to someone else.
/// </summary>
internal sealed class ChaosInjector
{
    private readonly IChaosCluster _cluster;

    public ChaosInjector(IChaosCluster cluster) => _cluster = cluster;

    public async Task<InjectionResult> InjectAsync(ChaosPlan plan, CancellationToken cancellationToken)
    {
        var cordoned = new List<string>();
        var evicted = new List<string>();
        var current = await _cluster.ListNodesAsync(null, cancellationToken).ConfigureAwait(false);
        foreach (var action in plan.NodeActions)
        {
            var node = current.FirstOrDefault(n => n.Name == action.Node);
            if (node is null || (node.Unschedulable && node.RunId != plan.RunId))
            {
                continue;
            }

            await _cluster.PatchNodeAsync(action.Node, NodePatches.Cordon(plan.RunId, plan.ExpiresAt), cancellationToken).ConfigureAwait(false);
            cordoned.Add(action.Node);
            foreach (var pod in action.Evictions)
            {
                var slash = pod.IndexOf('/', StringComparison.Ordinal);
                await _cluster.EvictPodAsync(pod[..slash], pod[(slash + 1)..], cancellationToken).ConfigureAwait(false);
                evicted.Add(pod);
            }
        }

        var created = new List<string>();
        foreach (var planned in plan.Objects)
        {
            await _cluster.CreateChaosAsync(planned.Namespace, planned.Plural, planned.Manifest, cancellationToken).ConfigureAwait(false);
            created.Add($"{planned.Plural}/{planned.Namespace}/{planned.Name}");
        }

        return new InjectionResult(created, cordoned, evicted);
    }
}
