using System.Globalization;
using System.Text.Json.Nodes;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Cluster;

namespace Dqe.Core.Chaos.Execution;

/// <summary>
/// Turns a validated fault into its Chaos Mesh object (PodChaos, NetworkChaos, StressChaos) labelled with
/// the run id and an expiry, so rollback and the sweeper find it by label.
/// </summary>
internal static class ChaosManifestBuilder
{
    public static PlannedObject Build(ChaosCampaign campaign, FaultSpec fault, string runId, DateTimeOffset expiresAt)
    {
        var (kind, plural) = FaultTypes.ChaosMeshKind(fault.Type);
        var ns = fault.Namespace ?? campaign.Target.Namespace;
        var name = $"{campaign.Name}-{fault.Name}-{runId}";
        if (name.Length > 253)
        {
            name = name[..253];
        }

        var spec = new JsonObject
        {
            ["selector"] = Selector(ns, fault.Selector ?? campaign.Target.Selector),
            ["mode"] = fault.Mode,
        };
        if (fault.Value is { } value)
        {
            spec["value"] = value.ToString(CultureInfo.InvariantCulture);
        }

        // pod-kill is one-shot in Chaos Mesh; every other fault lasts for its duration, then recovers.
        if (fault.Type != FaultTypes.PodKill)
        {
            spec["duration"] = fault.Duration ?? campaign.Duration;
        }

        AddTypeFields(spec, fault, ns);
        var manifest = new JsonObject
        {
            ["apiVersion"] = $"{ChaosLabels.ChaosGroup}/{ChaosLabels.ChaosVersion}",
            ["kind"] = kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = new JsonObject
                {
                    [ChaosLabels.RunId] = runId,
                    [ChaosLabels.Campaign] = campaign.Name,
                    [ChaosLabels.ManagedBy] = ChaosLabels.ManagedByValue,
                },
                ["annotations"] = new JsonObject { [ChaosLabels.ExpiresAt] = ChaosTimestamps.Format(expiresAt) },
            },
            ["spec"] = spec,
        };
        return new PlannedObject(fault.Name, ns, plural, name, manifest);
    }

    private static void AddTypeFields(JsonObject spec, FaultSpec fault, string ns)
    {
        switch (fault.Type)
        {
            case FaultTypes.PodKill:
                spec["action"] = "pod-kill";
                spec["gracePeriod"] = 0;
                break;
            case FaultTypes.PodFailure:
                spec["action"] = "pod-failure";
                break;
            case FaultTypes.ContainerKill:
                spec["action"] = "container-kill";
                spec["containerNames"] = new JsonArray([.. (fault.ContainerNames ?? []).Select(c => (JsonNode?)c)]);
                break;
            case FaultTypes.NetworkDelay:
                spec["action"] = "delay";
                spec["delay"] = new JsonObject { ["latency"] = fault.Latency, ["jitter"] = fault.Jitter ?? "0ms", ["correlation"] = "0" };
                AddPeer(spec, fault, ns);
                break;
            case FaultTypes.NetworkLoss:
                spec["action"] = "loss";
                spec["loss"] = new JsonObject { ["loss"] = fault.LossPercent?.ToString(CultureInfo.InvariantCulture), ["correlation"] = "0" };
                AddPeer(spec, fault, ns);
                break;
            case FaultTypes.NetworkPartition:
                spec["action"] = "partition";
                AddPeer(spec, fault, ns);
                break;
            case FaultTypes.StressCpu:
                spec["stressors"] = new JsonObject { ["cpu"] = new JsonObject { ["workers"] = fault.Workers, ["load"] = fault.Load } };
                break;
            case FaultTypes.StressMemory:
                spec["stressors"] = new JsonObject { ["memory"] = new JsonObject { ["workers"] = fault.Workers, ["size"] = fault.Size } };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Type, "not a Chaos Mesh fault");
        }
    }

    private static void AddPeer(JsonObject spec, FaultSpec fault, string ns)
    {
        spec["direction"] = fault.Direction;
        if (fault.Peer is { } peer)
        {
            spec["target"] = new JsonObject { ["mode"] = "all", ["selector"] = Selector(peer.Namespace ?? ns, peer.Selector) };
        }
    }

    private static JsonObject Selector(string ns, IReadOnlyDictionary<string, string> labels)
    {
        var map = new JsonObject();
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            map[key] = value;
        }

        return new JsonObject { ["namespaces"] = new JsonArray(ns), ["labelSelectors"] = map };
    }

    public static string ToLabelSelector(IReadOnlyDictionary<string, string> labels) =>
        string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
