using System.Text.Json.Nodes;
using Dqe.Core.Backup;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Records the topics a restore applies; each is "created" the first time and "updated" after.</summary>
public sealed class RecordingTopicApplier : ITopicApplier
{
    public List<JsonObject> Applied { get; } = [];

    public Task<string> ApplyAsync(JsonObject topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var name = topic["metadata"]!["name"]!.GetValue<string>();
        var seen = Applied.Any(t => t["metadata"]!["name"]!.GetValue<string>() == name);
        Applied.Add((JsonObject)topic.DeepClone());
        return Task.FromResult($"{(seen ? "updated" : "created")} {name}");
    }
}
