using System.Text.Json.Nodes;
using Dqe.Core.Chaos.Cluster;

namespace Dqe.Core.Chaos.Execution;

/// <summary>
/// Removes everything carrying a label selector (one run's id, or the sweeper's choice), found by listing the
/// cluster, never from memory: deletes Chaos Mesh objects, forces Chaos Mesh's finalizer off objects stuck in
/// deletion, uncordons nodes, then lists again to verify. Repeats up to <see cref="ChaosOptions.RollbackPasses"/>
/// times; what is still there is reported so the caller (a workflow Wait loop) tries again later.
/// </summary>
internal sealed class ChaosRollback
{
    private readonly IChaosCluster _cluster;
    private readonly ChaosOptions _options;

    public ChaosRollback(IChaosCluster cluster, ChaosOptions options)
    {
        _cluster = cluster;
        _options = options;
    }

    public Task<RollbackResult> RollbackRunAsync(string runId, IReadOnlyList<string> namespaces, CancellationToken cancellationToken) =>
        RemoveAsync(namespaces, ChaosLabels.RunSelector(runId), _ => true, n => n.RunId == runId, cancellationToken);

    public async Task<RollbackResult> RemoveAsync(
        IReadOnlyList<string> namespaces,
        string selector,
        Func<JsonObject, bool> objectFilter,
        Func<NodeRef, bool> nodeFilter,
        CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        var uncordoned = new List<string>();
        var passes = 0;
        (List<(string Ns, string Plural, JsonObject Obj)> Objects, List<NodeRef> Nodes) left = ([], []);
        while (passes < _options.RollbackPasses)
        {
            passes++;
            left = await FindAsync(namespaces, selector, objectFilter, nodeFilter, cancellationToken).ConfigureAwait(false);
            if (left.Objects.Count == 0 && left.Nodes.Count == 0)
            {
                break;
            }

            foreach (var (ns, plural, obj) in left.Objects)
            {
                var name = obj["metadata"]!["name"]!.GetValue<string>();
                if (obj["metadata"]?["deletionTimestamp"] is not null)
                {
                    // Deleted before but held by Chaos Mesh's finalizer (its target pod is gone): force it off.
                    var force = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ChaosLabels.CleanFinalizer] = "forced" } } };
                    await TryAsync(() => _cluster.PatchChaosAsync(ns, plural, name, force, cancellationToken)).ConfigureAwait(false);
                }

                if (await TryAsync(() => _cluster.DeleteChaosAsync(ns, plural, name, cancellationToken)).ConfigureAwait(false))
                {
                    deleted.Add($"{plural}/{ns}/{name}");
                }
            }

            foreach (var node in left.Nodes)
            {
                if (await TryAsync(() => _cluster.PatchNodeAsync(node.Name, NodePatches.Uncordon(), cancellationToken)).ConfigureAwait(false))
                {
                    uncordoned.Add(node.Name);
                }
            }

            left = await FindAsync(namespaces, selector, objectFilter, nodeFilter, cancellationToken).ConfigureAwait(false);
            if (left.Objects.Count == 0 && left.Nodes.Count == 0)
            {
                break;
            }
        }

        return new RollbackResult(
            [.. deleted.Distinct(StringComparer.Ordinal)],
            [.. uncordoned.Distinct(StringComparer.Ordinal)],
            [.. left.Objects.Select(o => $"{o.Plural}/{o.Ns}/{o.Obj["metadata"]!["name"]!.GetValue<string>()}")],
            [.. left.Nodes.Select(n => n.Name)],
            passes);
    }

    // One failed delete must not stop the others: the verify listing reports what is left, and the caller retries.
    private static async Task<bool> TryAsync(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or k8s.Autorest.HttpOperationException or IOException)
        {
            return false;
        }
    }

    private async Task<(List<(string, string, JsonObject)>, List<NodeRef>)> FindAsync(
        IReadOnlyList<string> namespaces, string selector, Func<JsonObject, bool> objectFilter, Func<NodeRef, bool> nodeFilter, CancellationToken cancellationToken)
    {
        var objects = new List<(string, string, JsonObject)>();
        foreach (var ns in namespaces)
        {
            foreach (var plural in ChaosLabels.Plurals)
            {
                var items = await _cluster.ListChaosAsync(ns, plural, selector, cancellationToken).ConfigureAwait(false);
                objects.AddRange(items.Where(objectFilter).Select(i => (ns, plural, i)));
            }
        }

        var nodes = await _cluster.ListNodesAsync(ChaosLabels.RunId, cancellationToken).ConfigureAwait(false);
        return (objects, [.. nodes.Where(nodeFilter)]);
    }
}
