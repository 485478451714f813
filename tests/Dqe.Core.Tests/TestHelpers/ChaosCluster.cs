using System.Text.Json.Nodes;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Cluster;
using Dqe.Core.Chaos.Execution;
using Dqe.TestServers.Kubernetes;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// A fake Kubernetes API seeded with a small EKS-like cluster (3 nodes in 2 zones, 3 Trino workers, a
/// coordinator, a kube-system pod) and a Chaos Mesh controller stand-in that reports objects injected, reached
/// through the real KubernetesClient.
/// </summary>
internal sealed class ChaosCluster : IAsyncDisposable
{
    private ChaosCluster(FakeKubernetesApi api)
    {
        Api = api;
        Cluster = KubernetesChaosCluster.Create(() => Client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = api.BaseUri.ToString() }));
        Service = new ChaosService(Cluster, Time, new ChaosOptions());
        api.Behaviour.Now = Time.GetUtcNow;
    }

    public FakeKubernetesApi Api { get; }

    public k8s.Kubernetes Client { get; private set; } = null!;

    public KubernetesChaosCluster Cluster { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));

    public ChaosService Service { get; }

    public static async Task<ChaosCluster> StartAsync()
    {
        var api = await FakeKubernetesApi.StartAsync();
        var cluster = new ChaosCluster(api);
        cluster.Seed();
        return cluster;
    }

    public static ChaosCampaign Campaign(string faults, string radius = "{maxPods: 2, maxNodes: 1, maxPercent: 50}") => CampaignLoader.Load($$$"""
        apiVersion: dqe.io/v1alpha1
        kind: ChaosCampaign
        name: drill
        target: {namespace: trino, selector: {component: worker}}
        duration: 5m
        blastRadius: {{{radius}}}
        steadyState:
          probes: [{name: up, type: trino}]
        faults: {{{faults}}}
        """);

    /// <summary>Chaos Mesh objects of every kind Dqe creates, anywhere.</summary>
    public IReadOnlyList<JsonObject> ChaosObjects =>
        [.. ChaosLabels.Plurals.SelectMany(p => Api.All(ChaosLabels.ChaosGroup, p))];

    public IReadOnlyList<string> CordonedNodes =>
        [.. Api.All("", "nodes").Where(n => n["spec"]?["unschedulable"]?.GetValue<bool>() == true).Select(n => n["metadata"]!["name"]!.GetValue<string>())];

    public IReadOnlyList<JsonObject> NodesWithRunLabel =>
        [.. Api.All("", "nodes").Where(n => n["metadata"]?["labels"]?[ChaosLabels.RunId] is not null)];

    public IReadOnlyList<JsonObject> Leases => Api.All("coordination.k8s.io", "leases");

    /// <summary>Asserts the invariant every path must end in: no chaos object, no cordon, no run label.</summary>
    public void AssertNothingLeft()
    {
        Assert.Empty(ChaosObjects);
        Assert.Empty(CordonedNodes);
        Assert.Empty(NodesWithRunLabel);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
    }

    private void Seed()
    {
        Node("node-a", "eu-west-1a");
        Node("node-b", "eu-west-1a");
        Node("node-c", "eu-west-1b");
        Pod("trino", "worker-0", "node-a", "worker");
        Pod("trino", "worker-1", "node-b", "worker");
        Pod("trino", "worker-2", "node-c", "worker");
        Pod("trino", "worker-3", "node-c", "worker");
        Pod("trino", "coordinator-0", "node-a", "coordinator");
        Pod("kube-system", "coredns-0", "node-a", "dns");

        // The Chaos Mesh controller stand-in: every object it accepts reports injected. Its recovery finalizer
        // holds the next HoldDeletes deletes, unless the object is annotated cleanFinalizer=forced.
        Api.Behaviour.OnCreated = obj => obj["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Selected", ["status"] = "True" },
                new JsonObject { ["type"] = "AllInjected", ["status"] = "True" }),
            ["experiment"] = new JsonObject { ["desiredPhase"] = "Run" },
        };
        Api.Behaviour.HoldOnDelete = obj =>
            obj["metadata"]?["annotations"]?[ChaosLabels.CleanFinalizer]?.GetValue<string>() != "forced"
            && Interlocked.Decrement(ref _holds) >= 0;
    }

    private int _holds;

    /// <summary>How many deletes the finalizer holds (the object stays with deletionTimestamp) before letting go.</summary>
    public int HoldDeletes
    {
        get => _holds;
        set => _holds = value;
    }

    private void Node(string name, string zone) => Api.Seed("api/v1/nodes", new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { [ChaosLabels.ZoneLabel] = zone } },
        ["spec"] = new JsonObject(),
    });

    private void Pod(string ns, string name, string node, string component) => Api.Seed($"api/v1/namespaces/{ns}/pods", new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["component"] = component } },
        ["spec"] = new JsonObject { ["nodeName"] = node },
        ["status"] = new JsonObject { ["phase"] = "Running" },
    });
}
