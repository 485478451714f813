using System.Text.Json.Nodes;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Cluster;

namespace Dqe.Core.Chaos.Execution;

/// <summary>
/// Computes a run's <see cref="ChaosPlan"/> from the live cluster, reading only: the blast radius is checked
/// again against the pods and nodes that exist now (a selector may match more than the file assumed).
/// </summary>
internal sealed class ChaosPlanner
{
    private readonly IChaosCluster _cluster;
    private readonly ChaosOptions _options;

    public ChaosPlanner(IChaosCluster cluster, ChaosOptions options)
    {
        _cluster = cluster;
        _options = options;
    }

    public async Task<ChaosPlan> PlanAsync(ChaosCampaign campaign, string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var radius = campaign.EffectiveBlastRadius;
        var expiresAt = now + ChaosRunClock.Lifetime(campaign) + _options.ExpiryMargin;
        var targets = await _cluster.ListPodsAsync(campaign.Target.Namespace, ChaosManifestBuilder.ToLabelSelector(campaign.Target.Selector), cancellationToken).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            throw Refuse("$.target.selector", "matches no pods in the cluster; nothing to test");
        }

        var objects = new List<PlannedObject>();
        var nodes = new List<PlannedNodeAction>();
        var affected = 0;
        for (var i = 0; i < campaign.Faults.Count; i++)
        {
            var fault = campaign.Faults[i];
            if (FaultTypes.IsNodeAction(fault.Type))
            {
                nodes.AddRange(await PlanDrainAsync(campaign, fault, targets, $"$.faults[{i}]", cancellationToken).ConfigureAwait(false));
                continue;
            }

            var pods = fault.Selector is null && fault.Namespace is null
                ? targets
                : await _cluster.ListPodsAsync(fault.Namespace ?? campaign.Target.Namespace, ChaosManifestBuilder.ToLabelSelector(fault.Selector ?? campaign.Target.Selector), cancellationToken).ConfigureAwait(false);
            var count = Affected(fault, pods.Count);
            CheckRadius(radius, count, pods.Count, $"$.faults[{i}]");
            affected = Math.Max(affected, count);
            objects.Add(ChaosManifestBuilder.Build(campaign, fault, runId, expiresAt));
        }

        var nodeCount = nodes.Select(n => n.Node).Distinct(StringComparer.Ordinal).Count();
        if (nodeCount > radius.MaxNodes)
        {
            throw Refuse("$.blastRadius.maxNodes", $"the node faults would cordon {nodeCount} node(s), above maxNodes {radius.MaxNodes}");
        }

        var namespaces = objects.Select(o => o.Namespace).Append(campaign.Target.Namespace).Distinct(StringComparer.Ordinal).ToList();
        return new ChaosPlan(runId, expiresAt, namespaces, objects, nodes, targets.Count, affected);
    }

    private async Task<IReadOnlyList<PlannedNodeAction>> PlanDrainAsync(
        ChaosCampaign campaign, FaultSpec fault, IReadOnlyList<PodRef> targets, string path, CancellationToken cancellationToken)
    {
        var allNodes = await _cluster.ListNodesAsync(null, cancellationToken).ConfigureAwait(false);
        var hosting = targets.Select(p => p.NodeName).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var first = allNodes.FirstOrDefault(n => hosting.Contains(n.Name) && !n.Unschedulable)
            ?? throw Refuse($"{path}.type", "no schedulable node runs a target pod");
        var chosen = fault.Scope == "zone" && first.Zone is not null
            ? allNodes.Where(n => n.Zone == first.Zone && !n.Unschedulable).ToList()
            : [first];
        var allowed = campaign.EffectiveBlastRadius.EffectiveNamespaces;
        var actions = new List<PlannedNodeAction>();
        foreach (var node in chosen)
        {
            // A drain evicts only pods inside the blast radius; anything else keeps running on the cordoned node.
            // Listed per allowed namespace, so the role needs no cluster-wide pod list.
            var evict = new List<string>();
            foreach (var ns in allowed)
            {
                var pods = await _cluster.ListPodsAsync(ns, "", cancellationToken).ConfigureAwait(false);
                evict.AddRange(pods.Where(p => p.NodeName == node.Name && !p.OwnedByDaemonSet).Select(p => $"{p.Namespace}/{p.Name}"));
            }

            actions.Add(new PlannedNodeAction(fault.Name, node.Name, node.Zone, evict));
        }

        return actions;
    }

    private static int Affected(FaultSpec fault, int pods) => fault.Mode switch
    {
        "one" => Math.Min(1, pods),
        "fixed" => Math.Min(fault.Value ?? 1, pods),
        "fixed-percent" => (int)Math.Ceiling(pods * (fault.Value ?? 0) / 100d),
        _ => pods,
    };

    private static void CheckRadius(BlastRadiusSpec radius, int affected, int pods, string path)
    {
        if (pods == 0)
        {
            throw Refuse($"{path}.selector", "matches no pods in the cluster");
        }

        if (affected > radius.MaxPods)
        {
            throw Refuse($"{path}.mode", $"would affect {affected} pod(s), above blastRadius.maxPods {radius.MaxPods}");
        }

        if (affected * 100 > radius.MaxPercent * pods)
        {
            throw Refuse($"{path}.mode", $"would affect {affected} of {pods} pod(s) ({affected * 100 / pods}%), above blastRadius.maxPercent {radius.MaxPercent}");
        }
    }

    private static CampaignException Refuse(string path, string message) => new([new CampaignError(path, message)]);
}
