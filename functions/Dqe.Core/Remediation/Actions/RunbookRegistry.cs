using System.Text.RegularExpressions;
using Dqe.Core.Remediation.Webhook;

namespace Dqe.Core.Remediation.Actions;

/// <summary>
/// The implementation of every <see cref="RunbookActions"/> name: how its target is read from the alert's labels
/// and what it changes. Construction fails if a name of <see cref="RunbookActions.All"/> has no implementation.
/// </summary>
public sealed partial class RunbookRegistry
{
    private readonly Dictionary<string, RunbookDefinition> _runbooks;
    private readonly RemediationOptions _options;
    private readonly IClusterActions _cluster;
    private readonly IEngineActions _engines;

    public RunbookRegistry(RemediationOptions options, IClusterActions cluster, IEngineActions engines)
    {
        _options = options;
        _cluster = cluster;
        _engines = engines;
        RunbookDefinition[] all =
        [
            Define(RunbookActions.RestartPod, ["namespace", "pod"], a => new("pod", Name(a, "namespace"), Name(a, "pod"), a.Label("zone")), RestartPodAsync),
            Define(RunbookActions.ScaleTrinoWorkers, [], _ => new("deployment", _options.TrinoNamespace, _options.TrinoWorkerDeployment), ScaleTrinoAsync),
            Define(RunbookActions.AddClickHouseReplica, ["shard"], a => new("statefulset", _options.ClickHouseNamespace, ShardStatefulSet(a)), AddReplicaAsync),
            Define(RunbookActions.RestartClickHouseReplica, ["pod"], a => new("clickhouse-replica", OrDefault(a, "namespace", _options.ClickHouseNamespace), Name(a, "pod"), a.Label("zone")), RestartReplicaAsync),
            Define(RunbookActions.CancelTrinoQuery, ["query_id"], a => new("trino-query", _options.TrinoNamespace, QueryId(a)), CancelQueryAsync),
            Define(RunbookActions.DrainNode, ["node"], a => new("node", "", Name(a, "node"), a.Label("zone")), DrainNodeAsync),
            Define(RunbookActions.None, [], _ => null, (_, _, _) => Task.FromResult("nothing (escalate only)")),
        ];
        _runbooks = all.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var missing = RunbookActions.All.Keys.Where(k => !_runbooks.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"runbook actions without an implementation: {string.Join(", ", missing)}");
        }
    }

    public IReadOnlyCollection<RunbookDefinition> All => _runbooks.Values;

    public RunbookDefinition? Find(string name) => _runbooks.GetValueOrDefault(name);

    private static RunbookDefinition Define(
        string name,
        string[] labels,
        Func<ValidAlert, RemediationTarget?> resolve,
        Func<ValidAlert, RemediationTarget, CancellationToken, Task<string>> execute) =>
        new(name, RunbookActions.All[name], labels, resolve, execute);

    private async Task<string> RestartPodAsync(ValidAlert alert, RemediationTarget target, CancellationToken cancellationToken)
    {
        await _cluster.DeletePodAsync(target.Namespace, target.Name, cancellationToken).ConfigureAwait(false);
        return $"deleted pod {target.Namespace}/{target.Name} so its controller recreates it";
    }

    private Task<string> ScaleTrinoAsync(ValidAlert alert, RemediationTarget target, CancellationToken cancellationToken) =>
        ScaleUpAsync(WorkloadKind.Deployment, target, _options.TrinoScaleStep, _options.TrinoMaxWorkers, cancellationToken);

    private Task<string> AddReplicaAsync(ValidAlert alert, RemediationTarget target, CancellationToken cancellationToken) =>
        ScaleUpAsync(WorkloadKind.StatefulSet, target, 1, _options.ClickHouseMaxReplicasPerShard, cancellationToken);

    private async Task<string> ScaleUpAsync(WorkloadKind kind, RemediationTarget target, int step, int max, CancellationToken cancellationToken)
    {
        var current = await _cluster.GetReplicasAsync(kind, target.Namespace, target.Name, cancellationToken).ConfigureAwait(false);
        if (current >= max)
        {
            throw new InvalidOperationException($"{target.Key} already has {current} replicas, the configured maximum is {max}");
        }

        var wanted = Math.Min(max, current + step);
        await _cluster.SetReplicasAsync(kind, target.Namespace, target.Name, wanted, cancellationToken).ConfigureAwait(false);
        return $"scaled {target.Key} from {current} to {wanted} replicas (max {max})";
    }

    private async Task<string> RestartReplicaAsync(ValidAlert alert, RemediationTarget target, CancellationToken cancellationToken)
    {
        var table = alert.Label("table");
        if (table.Length > 0 && !TableName().IsMatch(table))
        {
            throw new TargetResolutionException($"label table '{table}' is not a database.table name");
        }

        await _engines.RestartClickHouseReplicaAsync(target.Namespace, target.Name, table.Length > 0 ? table : null, cancellationToken).ConfigureAwait(false);
        return $"ran SYSTEM RESTART {(table.Length > 0 ? "REPLICA " + table : "REPLICAS")} on {target.Namespace}/{target.Name}";
    }

    private async Task<string> CancelQueryAsync(ValidAlert alert, RemediationTarget target, CancellationToken cancellationToken)
    {
        await _engines.CancelTrinoQueryAsync(target.Name, $"Dqe remediation of {alert.AlertName}", cancellationToken).ConfigureAwait(false);
        return $"killed Trino query {target.Name}";
    }

    private async Task<string> DrainNodeAsync(ValidAlert alert, RemediationTarget target, CancellationToken cancellationToken)
    {
        await _cluster.CordonNodeAsync(target.Name, cancellationToken).ConfigureAwait(false);
        var pods = await _cluster.ListEvictablePodsAsync(target.Name, cancellationToken).ConfigureAwait(false);
        var skipped = 0;
        foreach (var (ns, pod) in pods)
        {
            // The protected namespaces are never touched, not even by a drain: their pods stay for a human.
            if (_options.ProtectedNamespaces.Contains(ns, StringComparer.Ordinal))
            {
                skipped++;
                continue;
            }

            await _cluster.EvictPodAsync(ns, pod, cancellationToken).ConfigureAwait(false);
        }

        return $"cordoned node {target.Name}, evicted {pods.Count - skipped} pods (skipped {skipped} in protected namespaces)";
    }

    private string ShardStatefulSet(ValidAlert alert)
    {
        var shard = alert.Label("shard");
        if (!ShardNumber().IsMatch(shard))
        {
            throw new TargetResolutionException($"label shard must be a shard number, got '{Trim(shard)}'");
        }

        return _options.ClickHouseShardStatefulSet.Replace("{shard}", shard, StringComparison.Ordinal);
    }

    private static string OrDefault(ValidAlert alert, string label, string fallback) =>
        alert.Labels.ContainsKey(label) ? Name(alert, label) : fallback;

    private static string Name(ValidAlert alert, string label)
    {
        var value = alert.Label(label);
        if (value.Length == 0)
        {
            throw new TargetResolutionException($"label {label} is required for this action");
        }

        if (value.Length > 253 || !KubernetesName().IsMatch(value))
        {
            throw new TargetResolutionException($"label {label} '{Trim(value)}' is not a valid Kubernetes name");
        }

        return value;
    }

    private static string QueryId(ValidAlert alert)
    {
        var value = alert.Label("query_id");
        if (!TrinoQueryId().IsMatch(value))
        {
            throw new TargetResolutionException($"label query_id must be a Trino query id (20240501_100000_00001_abcde), got '{Trim(value)}'");
        }

        return value;
    }

    private static string Trim(string value) => value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex KubernetesName();

    [GeneratedRegex("^[0-9]{8}_[0-9]{6}_[0-9]{5}_[a-z0-9]{5}$")]
    private static partial Regex TrinoQueryId();

    [GeneratedRegex("^[0-9]{1,3}$")]
    private static partial Regex ShardNumber();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex TableName();
}
