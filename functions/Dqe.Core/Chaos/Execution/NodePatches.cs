using System.Text.Json.Nodes;
using Dqe.Core.Chaos.Cluster;

namespace Dqe.Core.Chaos.Execution;

/// <summary>The two node merge patches: cordon with the run's label and expiry, and the exact inverse.</summary>
internal static class NodePatches
{
    public static JsonObject Cordon(string runId, DateTimeOffset expiresAt) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["labels"] = new JsonObject { [ChaosLabels.RunId] = runId },
            ["annotations"] = new JsonObject { [ChaosLabels.ExpiresAt] = ChaosTimestamps.Format(expiresAt) },
        },
        ["spec"] = new JsonObject { ["unschedulable"] = true },
    };

    // null removes a key in a merge patch: the node ends exactly as it was before the run.
    public static JsonObject Uncordon() => new()
    {
        ["metadata"] = new JsonObject
        {
            ["labels"] = new JsonObject { [ChaosLabels.RunId] = null },
            ["annotations"] = new JsonObject { [ChaosLabels.ExpiresAt] = null },
        },
        ["spec"] = new JsonObject { ["unschedulable"] = null },
    };
}
