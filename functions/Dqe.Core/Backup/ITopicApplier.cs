using System.Text.Json.Nodes;

namespace Dqe.Core.Backup;

/// <summary>Where saved Kafka topic definitions are re-applied (Strimzi KafkaTopic resources in the target cluster).</summary>
public interface ITopicApplier
{
    /// <summary>Creates the topic, or merges the saved spec and labels into the one that exists; returns "created NAME" or "updated NAME".</summary>
    Task<string> ApplyAsync(JsonObject topic, CancellationToken cancellationToken);
}
