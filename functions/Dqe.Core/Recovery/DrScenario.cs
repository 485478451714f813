using System.Text.Json.Serialization;

namespace Dqe.Core.Recovery;

/// <summary>The failures a DR drill rehearses (CLI names: replica-loss, keeper-loss, az-loss, trino-coordinator-loss, region-restore).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DrScenario>))]
public enum DrScenario
{
    ReplicaLoss,
    KeeperLoss,
    AzLoss,
    TrinoCoordinatorLoss,
    RegionRestore,
}
