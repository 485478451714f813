using System.Text.Json.Nodes;
using Dqe.Core.Backup;
using Dqe.TestServers.Kubernetes;
using k8s.Autorest;

namespace Dqe.Core.Tests.Backup;

/// <summary>Glue catalog pages and Kafka topic definitions saved next to a manifest (local store; topics from the fake API server).</summary>
public sealed class BackupExtrasTests : IAsyncLifetime
{
    private const string BackupId = "ch-full-20261122-020000";
    private readonly string _root = Directory.CreateTempSubdirectory("dqe-extras-").FullName;
    private FakeKubernetesApi _api = null!;
    private k8s.Kubernetes _client = null!;
    private LocalBackupStore _store = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = _api.BaseUri.ToString() });
        _store = new LocalBackupStore(_root);
        await _store.SaveManifestAsync(new BackupManifest(BackupId, BackupKind.Full, null, ["default"], "https://b.s3.amazonaws.com/clickhouse/" + BackupId,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, 1, [], BackupState.Succeeded), default);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task SaveCatalogPageAsync_KnownBackup_WritesThePageUnderExtras()
    {
        var tables = new JsonArray(new JsonObject { ["Name"] = "events", ["DatabaseName"] = "dqe_dev_lake" });

        var name = await Extras().SaveCatalogPageAsync(BackupId, 2, tables, default);

        Assert.Equal("glue-tables-0002.json", name);
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_root, BackupId, "extras", name)))!;
        Assert.Equal(2, saved["page"]!.GetValue<int>());
        Assert.Equal("events", saved["tables"]![0]!["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task SaveCatalogPageAsync_UnknownBackup_ThrowsAndWritesNothing()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Extras().SaveCatalogPageAsync("ch-full-20261123-020000", 1, [], default));

        Assert.False(Directory.Exists(Path.Combine(_root, "ch-full-20261123-020000")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public async Task SaveCatalogPageAsync_PageOutOfRange_ThrowsAndWritesNothing(int page)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Extras().SaveCatalogPageAsync(BackupId, page, [], default));

        Assert.False(Directory.Exists(Path.Combine(_root, BackupId, "extras")));
    }

    [Theory]
    [InlineData("../manifest.json")]
    [InlineData("Tables.json")]
    [InlineData("tables.txt")]
    public async Task SaveAttachmentAsync_NameNotAPlainJsonFile_Throws(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAttachmentAsync(BackupId, name, new JsonObject(), default));
    }

    [Fact]
    public async Task ExportTopicsAsync_StrimziTopics_SavesNameLabelsAndSpecWithoutStatus()
    {
        Topic("events", 12);
        Topic("dlq", 3);

        var (file, count) = await Extras().ExportTopicsAsync(BackupId, default);

        Assert.Equal((BackupExtras.TopicsFile, 2), (file, count));
        var topics = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_root, BackupId, "extras", file)))!["topics"]!.AsArray();
        var events = Assert.Single(topics, t => t!["metadata"]!["name"]!.GetValue<string>() == "events")!;
        Assert.Equal("kafka.strimzi.io/v1beta2", events["apiVersion"]!.GetValue<string>());
        Assert.Equal(12, events["spec"]!["partitions"]!.GetValue<int>());
        Assert.Equal("604800000", events["spec"]!["config"]!["retention.ms"]!.GetValue<string>());
        Assert.Equal("dqe", events["metadata"]!["labels"]!["strimzi.io/cluster"]!.GetValue<string>());
        Assert.Null(events["status"]);
        Assert.Null(events["metadata"]!["uid"]);
        Assert.Contains(_api.Requests, r => r.StartsWith("GET /apis/kafka.strimzi.io/v1beta2/namespaces/kafka/kafkatopics", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportTopicsAsync_ApiRefuses_ThrowsAndWritesNothing()
    {
        Topic("events", 12);
        _api.Behaviour.FailNext("GET", "apis/kafka.strimzi.io", 403);

        await Assert.ThrowsAsync<HttpOperationException>(() => Extras().ExportTopicsAsync(BackupId, default));

        Assert.False(File.Exists(Path.Combine(_root, BackupId, "extras", BackupExtras.TopicsFile)));
    }

    [Fact]
    public async Task DeleteAsync_BackupWithExtras_RemovesThemWithTheManifest()
    {
        await Extras().SaveCatalogPageAsync(BackupId, 1, [], default);

        await _store.DeleteAsync(BackupId, default);

        Assert.False(Directory.Exists(Path.Combine(_root, BackupId)));
    }

    private BackupExtras Extras() => new(_store, new KubernetesTopicSource(() => _client));

    private void Topic(string name, int partitions) => _api.Seed("apis/kafka.strimzi.io/v1beta2/namespaces/kafka/kafkatopics", new JsonObject
    {
        ["apiVersion"] = "kafka.strimzi.io/v1beta2",
        ["kind"] = "KafkaTopic",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["strimzi.io/cluster"] = "dqe" } },
        ["spec"] = new JsonObject
        {
            ["partitions"] = partitions,
            ["replicas"] = 3,
            ["config"] = new JsonObject { ["retention.ms"] = "604800000" },
        },
        ["status"] = new JsonObject { ["topicName"] = name, ["conditions"] = new JsonArray() },
    });
}
