namespace Dqe.Core.Engines.ClickHouse;

/// <summary>Thresholds for <see cref="ClickHouseHealthService"/>: replica delay 300 s and replication queue 100 by default.</summary>
public sealed record ClickHouseHealthOptions(long MaxReplicaDelaySeconds = 300, long MaxReplicationQueue = 100)
{
    public void Validate()
    {
        if (MaxReplicaDelaySeconds < 0)
        {
            throw new ArgumentException("MaxReplicaDelaySeconds must be >= 0.", nameof(MaxReplicaDelaySeconds));
        }

        if (MaxReplicationQueue < 0)
        {
            throw new ArgumentException("MaxReplicationQueue must be >= 0.", nameof(MaxReplicationQueue));
        }
    }
}
