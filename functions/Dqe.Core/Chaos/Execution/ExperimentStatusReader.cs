using System.Text.Json.Nodes;
using Dqe.Core.Chaos.Cluster;

namespace Dqe.Core.Chaos.Execution;

/// <summary>
/// Reads a run's Chaos Mesh objects by label and interprets status as Chaos Mesh documents it: injected when
/// condition AllInjected is True; recovered when desiredPhase is Stop and AllRecovered is True; failed when a
/// container record carries a Failed event.
/// </summary>
internal sealed class ExperimentStatusReader
{
    private readonly IChaosCluster _cluster;

    public ExperimentStatusReader(IChaosCluster cluster) => _cluster = cluster;

    public async Task<IReadOnlyList<ExperimentState>> ReadAsync(string runId, IReadOnlyList<string> namespaces, CancellationToken cancellationToken)
    {
        var states = new List<ExperimentState>();
        foreach (var ns in namespaces)
        {
            foreach (var plural in ChaosLabels.Plurals)
            {
                var items = await _cluster.ListChaosAsync(ns, plural, ChaosLabels.RunSelector(runId), cancellationToken).ConfigureAwait(false);
                states.AddRange(items.Select(Interpret));
            }
        }

        return states;
    }

    internal static ExperimentState Interpret(JsonObject obj)
    {
        var status = obj["status"];
        bool Condition(string type) => status?["conditions"] is JsonArray conditions
            && conditions.Any(c => c?["type"]?.GetValue<string>() == type && c["status"]?.GetValue<string>() == "True");
        var desired = status?["experiment"]?["desiredPhase"]?.GetValue<string>();
        var failure = (status?["experiment"]?["containerRecords"] as JsonArray)?
            .SelectMany(r => (r?["events"] as JsonArray) ?? [])
            .Where(e => e?["type"]?.GetValue<string>() == "Failed")
            .Select(e => e?["message"]?.GetValue<string>() ?? "injection failed")
            .FirstOrDefault();
        return new ExperimentState(
            obj["metadata"]?["name"]?.GetValue<string>() ?? "",
            obj["kind"]?.GetValue<string>() ?? "",
            Condition("AllInjected"),
            desired == "Stop" && Condition("AllRecovered"),
            failure);
    }
}
