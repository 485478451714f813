using Dqe.Core.Recovery;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// A tiny cluster for drill tests: pods (with labels and claims), nodes (with zones) and scratch namespaces.
/// Labels what each action touches with the run id, like the real implementation, so fail-back is checkable.
/// <see cref="FailOn"/> makes an action throw after doing part of its work (a crash midway).
/// </summary>
public sealed class InMemoryDrillActions : IDrillActions
{
    public List<(string Namespace, string Name, Dictionary<string, string> Labels)> Pods { get; } = [];

    public HashSet<string> Claims { get; } = new(StringComparer.Ordinal);

    public List<Node> Nodes { get; } = [];

    public Dictionary<string, string> ScratchNamespaces { get; } = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public HashSet<string> FailOn { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<string>> DeletePodsAsync(string ns, string selector, int count, bool withVolumeClaims, string runId, CancellationToken cancellationToken)
    {
        Calls.Add($"delete-pods {ns} {selector} {count} claims={withVolumeClaims}");
        var wanted = selector.Split(',').Select(p => p.Split('=')).ToList();
        var victims = Pods.Where(p => p.Namespace == ns && wanted.All(w => p.Labels.GetValueOrDefault(w[0]) == w[1])).Take(count).ToList();
        foreach (var pod in victims)
        {
            Pods.Remove(pod);
            if (withVolumeClaims)
            {
                Claims.Remove($"data-{pod.Name}");
            }
        }

        Throw("delete-pods");
        return Task.FromResult<IReadOnlyList<string>>([.. victims.Select(v => $"pod/{v.Name}")]);
    }

    public Task<IReadOnlyList<string>> CordonAndDrainZoneAsync(string zone, string runId, CancellationToken cancellationToken)
    {
        Calls.Add($"cordon {zone}");
        var done = new List<string>();
        foreach (var node in Nodes.Where(n => n.Zone == zone))
        {
            node.Unschedulable = true;
            node.RunLabel = runId;
            done.Add(node.Name);
            // Crash after the first node: the realistic half-done state fail-back must undo.
            Throw("cordon");
        }

        return Task.FromResult<IReadOnlyList<string>>(done);
    }

    public Task<IReadOnlyList<string>> UncordonAsync(string runId, CancellationToken cancellationToken)
    {
        Calls.Add("uncordon");
        Throw("uncordon");
        var nodes = Nodes.Where(n => n.RunLabel == runId).ToList();
        foreach (var node in nodes)
        {
            (node.Unschedulable, node.RunLabel) = (false, null);
        }

        return Task.FromResult<IReadOnlyList<string>>([.. nodes.Select(n => n.Name)]);
    }

    public Task<IReadOnlyList<string>> DeleteScratchAsync(string runId, CancellationToken cancellationToken)
    {
        Calls.Add("delete-scratch");
        var names = ScratchNamespaces.Where(p => p.Value == runId).Select(p => p.Key).ToList();
        names.ForEach(n => ScratchNamespaces.Remove(n));
        return Task.FromResult<IReadOnlyList<string>>(names);
    }

    public Task<IReadOnlyList<string>> ListLabelledAsync(string runId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([
            .. Nodes.Where(n => n.RunLabel == runId).Select(n => $"node/{n.Name}"),
            .. ScratchNamespaces.Where(p => p.Value == runId).Select(p => $"namespace/{p.Key}"),
        ]);

    public InMemoryDrillActions WithCluster()
    {
        foreach (var (name, zone) in new[] { ("n1", "eu-west-1a"), ("n2", "eu-west-1a"), ("n3", "eu-west-1b") })
        {
            Nodes.Add(new Node(name, zone));
        }

        foreach (var name in new[] { "chi-0", "chi-1" })
        {
            Pods.Add(("dqe", name, new Dictionary<string, string> { ["app.kubernetes.io/name"] = "clickhouse" }));
            Claims.Add($"data-{name}");
        }

        // Trino runs in its own namespace, as deployed (DrillOptions.TrinoNamespace).
        Pods.Add(("trino", "trino-coordinator-0", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "trino", ["app.kubernetes.io/component"] = "coordinator" }));
        return this;
    }

    private void Throw(string action)
    {
        if (FailOn.Contains(action))
        {
            throw new InvalidOperationException($"injected failure in {action}");
        }
    }

    public sealed class Node(string name, string zone)
    {
        public string Name { get; } = name;

        public string Zone { get; } = zone;

        public bool Unschedulable { get; set; }

        public string? RunLabel { get; set; }
    }
}
