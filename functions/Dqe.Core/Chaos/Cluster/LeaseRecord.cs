namespace Dqe.Core.Chaos.Cluster;

/// <summary>A coordination.k8s.io Lease used as the per-target run lock.</summary>
public sealed record LeaseRecord(string Namespace, string Name, string Holder, DateTimeOffset RenewedAt, int DurationSeconds, string? ResourceVersion)
{
    public DateTimeOffset ExpiresAt => RenewedAt.AddSeconds(DurationSeconds);
}
