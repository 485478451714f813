using System.Text.Json.Nodes;

namespace Dqe.Core.Backup;

/// <summary>Where the Kafka topic definitions come from (Strimzi KafkaTopic resources in the cluster).</summary>
public interface ITopicSource
{
    /// <summary>Every topic's definition: name, labels, partitions, replicas and config.</summary>
    Task<JsonArray> ListTopicsAsync(CancellationToken cancellationToken);
}
