using System.Text.Json.Nodes;
using Dqe.Core.Recovery;
using Dqe.TestServers.Kubernetes;
using k8s.Autorest;

namespace Dqe.Core.Tests.Recovery;

/// <summary><see cref="KubernetesDrillActions"/> through the real KubernetesClient against the fake API server.</summary>
public sealed class KubernetesDrillActionsTests : IAsyncLifetime
{
    private const string RunId = "dr-az-loss-20261125-030000";
    private FakeKubernetesApi _api = null!;
    private k8s.Kubernetes _client = null!;
    private KubernetesDrillActions _actions = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = _api.BaseUri.ToString() });
        _actions = new KubernetesDrillActions(_client);
        Node("node-a", "eu-west-1a");
        Node("node-b", "eu-west-1a");
        Node("node-c", "eu-west-1b");
        Pod("clickhouse", "chi-dqe-dqe-0-0-0", "node-a", "clickhouse");
        Pod("clickhouse", "chi-dqe-dqe-0-1-0", "node-c", "clickhouse");
        Pod("trino", "trino-worker-0", "node-b", "worker");
        Pod("kube-system", "aws-node-a", "node-a", "cni", daemonSet: true);
        Claim("clickhouse", "data-chi-dqe-dqe-0-0-0");
        Claim("clickhouse", "data-chi-dqe-dqe-0-1-0");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task DeletePodsAsync_WithVolumeClaims_DeletesTheClaimBeforeItsPodAndNothingElse()
    {
        var done = await _actions.DeletePodsAsync("clickhouse", "app=clickhouse", 1, withVolumeClaims: true, RunId, default);

        Assert.Equal(["pvc/data-chi-dqe-dqe-0-0-0", "pod/chi-dqe-dqe-0-0-0"], done);
        Assert.Null(_api.Get("", "pods", "clickhouse", "chi-dqe-dqe-0-0-0"));
        Assert.Null(_api.Get("", "persistentvolumeclaims", "clickhouse", "data-chi-dqe-dqe-0-0-0"));
        Assert.NotNull(_api.Get("", "pods", "clickhouse", "chi-dqe-dqe-0-1-0"));
        Assert.NotNull(_api.Get("", "persistentvolumeclaims", "clickhouse", "data-chi-dqe-dqe-0-1-0"));
        var deletes = _api.Requests.Where(r => r.StartsWith("DELETE", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, deletes.Count);
        Assert.Contains("persistentvolumeclaims", deletes[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletePodsAsync_WithoutVolumeClaims_KeepsEveryClaim()
    {
        var done = await _actions.DeletePodsAsync("clickhouse", "app=clickhouse", 2, withVolumeClaims: false, RunId, default);

        Assert.Equal(["pod/chi-dqe-dqe-0-0-0", "pod/chi-dqe-dqe-0-1-0"], done);
        Assert.Equal(2, _api.All("", "persistentvolumeclaims").Count);
        Assert.DoesNotContain(_api.Requests, r => r.Contains("persistentvolumeclaims/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CordonAndDrainZoneAsync_Zone_LabelsCordonsAndEvictsAllButDaemonSetPods()
    {
        var nodes = await _actions.CordonAndDrainZoneAsync("eu-west-1a", RunId, default);

        Assert.Equal(["node-a", "node-b"], nodes);
        foreach (var name in nodes)
        {
            var node = _api.Get("", "nodes", null, name)!;
            Assert.True(node["spec"]!["unschedulable"]!.GetValue<bool>());
            Assert.Equal(RunId, node["metadata"]!["labels"]![DrillIds.Label]!.GetValue<string>());
        }

        Assert.Null(_api.Get("", "pods", "clickhouse", "chi-dqe-dqe-0-0-0"));
        Assert.Null(_api.Get("", "pods", "trino", "trino-worker-0"));
        Assert.NotNull(_api.Get("", "pods", "kube-system", "aws-node-a"));
        Assert.NotNull(_api.Get("", "pods", "clickhouse", "chi-dqe-dqe-0-1-0"));
        Assert.Null(_api.Get("", "nodes", null, "node-c")!["spec"]!["unschedulable"]);
        Assert.Equal(2, _api.Requests.Count(r => r.EndsWith("/eviction", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CordonAndDrainZoneAsync_EvictionRefusedMidway_ThrowsAndUncordonStillFindsTheLabelledNode()
    {
        // A PodDisruptionBudget says no (429) to the first eviction: node-a is already labelled and cordoned.
        _api.Behaviour.FailNext("POST", "api/v1/namespaces/clickhouse/pods/chi-dqe-dqe-0-0-0/eviction", 429);

        await Assert.ThrowsAsync<HttpOperationException>(() => _actions.CordonAndDrainZoneAsync("eu-west-1a", RunId, default));
        Assert.Equal(["node/node-a"], await _actions.ListLabelledAsync(RunId, default));

        var uncordoned = await _actions.UncordonAsync(RunId, default);

        Assert.Equal(["node-a"], uncordoned);
        Assert.False(_api.Get("", "nodes", null, "node-a")!["spec"]!["unschedulable"]!.GetValue<bool>());
        Assert.Null(_api.Get("", "nodes", null, "node-a")!["metadata"]!["labels"]![DrillIds.Label]);
        Assert.Empty(await _actions.ListLabelledAsync(RunId, default));
    }

    [Fact]
    public async Task DeleteScratchAsync_LabelledNamespaces_DeletesOnlyThoseAndTerminatingOnesDoNotCount()
    {
        Namespace("dr-scratch", RunId);
        Namespace("clickhouse", null);
        Namespace("dr-other-run", "dr-replica-loss-20261124-030000");
        _api.Behaviour.HoldOnDelete = obj => obj["metadata"]?["name"]?.GetValue<string>() == "dr-scratch";

        var deleted = await _actions.DeleteScratchAsync(RunId, default);

        Assert.Equal(["dr-scratch"], deleted);
        Assert.NotNull(_api.Get("", "namespaces", null, "dr-scratch")!["metadata"]!["deletionTimestamp"]);
        Assert.NotNull(_api.Get("", "namespaces", null, "clickhouse"));
        Assert.NotNull(_api.Get("", "namespaces", null, "dr-other-run"));
        Assert.Empty(await _actions.ListLabelledAsync(RunId, default));
    }

    [Fact]
    public async Task UncordonAsync_BadRunId_ThrowsBeforeAnyRequest()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _actions.UncordonAsync("x,y=z", default));

        Assert.Empty(_api.Requests);
    }

    private void Node(string name, string zone) => _api.Seed("api/v1/nodes", new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["topology.kubernetes.io/zone"] = zone } },
        ["spec"] = new JsonObject(),
    });

    private void Pod(string ns, string name, string node, string app, bool daemonSet = false) => _api.Seed($"api/v1/namespaces/{ns}/pods", new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { ["app"] = app },
            ["ownerReferences"] = daemonSet
                ? new JsonArray(new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "DaemonSet", ["name"] = app, ["uid"] = "1" })
                : null,
        },
        ["spec"] = new JsonObject { ["nodeName"] = node },
    });

    private void Claim(string ns, string name) => _api.Seed($"api/v1/namespaces/{ns}/persistentvolumeclaims", new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "PersistentVolumeClaim",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["accessModes"] = new JsonArray("ReadWriteOnce") },
    });

    private void Namespace(string name, string? runId) => _api.Seed("api/v1/namespaces", new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = runId is null ? new JsonObject() : new JsonObject { [DrillIds.Label] = runId },
        },
    });
}
