using System.Text.Json.Nodes;
using Dqe.Core.Backup;
using Dqe.TestServers.Kubernetes;

namespace Dqe.Core.Tests.Backup;

/// <summary>Saved KafkaTopics re-applied through the real Kubernetes client against the fake API server.</summary>
public sealed class KubernetesTopicApplierTests : IAsyncLifetime
{
    private const string Topics = "apis/kafka.strimzi.io/v1beta2/namespaces/kafka/kafkatopics";
    private FakeKubernetesApi _api = null!;
    private k8s.Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = _api.BaseUri.ToString() });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task ApplyAsync_NewAndExistingTopics_CreatesOneAndMergesTheOtherWithoutDeleting()
    {
        _api.Seed(Topics, new JsonObject
        {
            ["apiVersion"] = "kafka.strimzi.io/v1beta2",
            ["kind"] = "KafkaTopic",
            ["metadata"] = new JsonObject { ["name"] = "events", ["labels"] = new JsonObject { ["strimzi.io/cluster"] = "dqe" } },
            ["spec"] = new JsonObject { ["partitions"] = 3, ["replicas"] = 3 },
            ["status"] = new JsonObject { ["topicName"] = "events" },
        });
        var applier = new KubernetesTopicApplier(() => _client);

        var updated = await applier.ApplyAsync(Saved("events", 12), default);
        var created = await applier.ApplyAsync(Saved("dlq", 6), default);

        Assert.Equal(("updated events", "created dlq"), (updated, created));
        var events = _api.Get("kafka.strimzi.io", "kafkatopics", "kafka", "events")!;
        Assert.Equal(12, events["spec"]!["partitions"]!.GetValue<int>());
        Assert.Equal("604800000", events["spec"]!["config"]!["retention.ms"]!.GetValue<string>());
        Assert.Equal("events", events["status"]!["topicName"]!.GetValue<string>());
        Assert.Equal("dqe", _api.Get("kafka.strimzi.io", "kafkatopics", "kafka", "dlq")!["metadata"]!["labels"]!["strimzi.io/cluster"]!.GetValue<string>());
        Assert.DoesNotContain(_api.Requests, r => r.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("")]
    public async Task ApplyAsync_BadSavedTopic_ThrowsWithoutAnyRequest(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new KubernetesTopicApplier(() => _client).ApplyAsync(Saved(name, 1), default));

        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task ApplyAsync_ApiRefuses_ThrowsAndCreatesNothing()
    {
        _api.Behaviour.FailNext("POST", "apis/kafka.strimzi.io", 403);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => new KubernetesTopicApplier(() => _client).ApplyAsync(Saved("events", 12), default));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Empty(_api.All("kafka.strimzi.io", "kafkatopics"));
    }

    private static JsonObject Saved(string name, int partitions) => new()
    {
        ["apiVersion"] = "kafka.strimzi.io/v1beta2",
        ["kind"] = "KafkaTopic",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "kafka", ["labels"] = new JsonObject { ["strimzi.io/cluster"] = "dqe" } },
        ["spec"] = new JsonObject { ["partitions"] = partitions, ["replicas"] = 3, ["config"] = new JsonObject { ["retention.ms"] = "604800000" } },
    };
}
